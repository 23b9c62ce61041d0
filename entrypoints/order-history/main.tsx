import { HistoryApp } from '@/components/history/HistoryApp.tsx';
import { mountPage } from '@/components/shared/page.tsx';
import '@/components/shared/style.css';

void mountPage({
  title: 'history.title',
  heading: 'history.heading',
  className: 'history-page',
  render: () => <HistoryApp />,
});
