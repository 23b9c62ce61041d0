import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PopupApp } from '@/components/popup/App.tsx';
import '@/components/shared/style.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={new QueryClient()}>
        <main className="popup">
          <h1>SMS Verify</h1>
          <PopupApp />
        </main>
      </QueryClientProvider>
    </StrictMode>,
  );
}
