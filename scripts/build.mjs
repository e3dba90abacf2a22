// Builds the packages in the order their type declarations need each other, each as soon as
// what it needs is built, so independent ones build side by side (the machines have two cores).
import { spawn } from 'node:child_process'

/** What each package's declarations (or the demo's bundle) read from the others' builds. */
const NEEDS = {
  protocol: [],
  service: ['protocol'],
  core: ['protocol'],
  mock: ['service', 'core'],
  react: ['core'],
  server: ['service', 'mock'],
  // The example PMS app, built with Vite against the packages' builds, as a vendor's app is.
  'example-pms-demo': ['react'],
}

const build = (name) =>
  new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'build', '-w', `@switchboard/${name}`], { stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (d) => {
      output += d
    })
    child.stderr.on('data', (d) => {
      output += d
    })
    child.on('close', (code) => {
      if (code === 0) {
        console.log(`✓ built @switchboard/${name}`)
        resolve()
      } else reject(new Error(`Building @switchboard/${name} failed (exit ${code}):\n${output}`))
    })
  })

const started = Date.now()
const built = {}
const buildAfterNeeds = (name) => {
  built[name] ??= Promise.all(NEEDS[name].map(buildAfterNeeds)).then(() => build(name))
  return built[name]
}
await Promise.all(Object.keys(NEEDS).map(buildAfterNeeds))
console.log(`built ${Object.keys(NEEDS).length} packages in ${((Date.now() - started) / 1000).toFixed(0)} s`)
