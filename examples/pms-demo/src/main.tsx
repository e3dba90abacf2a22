import '@switchboard/react/styles.css'
import './styles/app.css'
import './styles/hearth-theme.css'
import './styles/profile.css'
import './styles/signin.css'
import './styles/simulator.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
