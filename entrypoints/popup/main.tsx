import { PopupApp } from '@/components/popup/App.tsx';
import { mountPage } from '@/components/shared/page.tsx';
import '@/components/shared/style.css';

void mountPage({
  title: 'extName',
  heading: 'extName',
  className: 'popup',
  render: () => <PopupApp />,
});
