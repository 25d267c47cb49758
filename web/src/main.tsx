import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles/base.css';
import './styles/fonts.css';
import './styles/layout.css';
import './styles/forms.css';
import './styles/feedback.css';
import { App } from './App';

const root = document.getElementById('root');
if (!root) throw new Error('Missing #root element');

// Chinese text shows in the fallback font until these rules arrive (font-display: swap).
void import('@fontsource-variable/noto-sans-sc/index.css');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
