import { createRoot } from 'react-dom/client';

/** Entry point of the lab page (placeholder until the lab lands). */
function App() {
  return <h1>OctConv Lab</h1>;
}

createRoot(document.getElementById('root')!).render(<App />);
