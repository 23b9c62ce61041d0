import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HistoryApp } from '@/components/history/HistoryApp.tsx';
import '@/components/shared/style.css';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={new QueryClient()}>
        <main className="options">
          <h1>History</h1>
          <HistoryApp />
        </main>
      </QueryClientProvider>
    </StrictMode>,
  );
}
