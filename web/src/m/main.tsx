import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './m.css';
import { App } from './App';

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
