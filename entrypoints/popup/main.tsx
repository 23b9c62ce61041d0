import { QueryClient } from '@tanstack/react-query';
import { PopupApp } from '@/components/popup/App.tsx';
import { preloadPopup } from '@/components/popup/preload.ts';
import { mountPage } from '@/components/shared/page.tsx';
import '@/components/shared/style.css';
import '@/components/popup/offers.css';
import '@/components/popup/rejected.css';
import '@/components/popup/no-sms.css';

const client = new QueryClient();

void mountPage({
  title: 'extName',
  heading: 'extName',
  className: 'popup',
  client,
  // Asked for while the saved language loads, not after the first render.
  ready: preloadPopup(client),
  render: () => <PopupApp />,
});
