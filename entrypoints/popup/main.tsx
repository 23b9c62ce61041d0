import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PopupApp } from '@/components/popup/App.tsx';
import { applySavedLanguage } from '@/components/popup/language.ts';
import { t } from '@/lib/i18n.ts';
import '@/components/shared/style.css';

const root = document.getElementById('root');
if (root) {
  void applySavedLanguage().then(() =>
    createRoot(root).render(
      <StrictMode>
        <QueryClientProvider client={new QueryClient()}>
          <main className="popup">
            <h1>{t('extName')}</h1>
            <PopupApp />
          </main>
        </QueryClientProvider>
      </StrictMode>,
    ),
  );
}
