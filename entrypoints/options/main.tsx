import { OptionsApp } from '@/components/options/OptionsApp.tsx';
import { mountPage } from '@/components/shared/page.tsx';
import '@/components/shared/style.css';

void mountPage({
  title: 'options.title',
  heading: 'options.title',
  className: 'options',
  render: () => <OptionsApp />,
});
