import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OptionsApp } from '@/components/options/OptionsApp.tsx';
import '@/components/shared/style.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={new QueryClient()}>
        <main className="options">
          <h1>SMS Verify settings</h1>
          <OptionsApp />
        </main>
      </QueryClientProvider>
    </StrictMode>,
  );
}
