import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ErrorBoundary } from './components/ErrorBoundary';
import './styles/theme.css';
import './styles/controls.css';
import './styles/layout.css';
import './styles/filters.css';
import './styles/results.css';
import './styles/actions.css';
import './styles/reader.css';
import './styles/annotations.css';
import './styles/import.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <ErrorBoundary area="Offprint">
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
