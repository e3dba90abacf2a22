import { connect, createServer, type Socket } from 'node:net'

/**
 * A TCP proxy on 127.0.0.1, as a load balancer in front of several instances: `to(port)` sends
 * new connections to another instance and cuts the open ones (as a failover does); `to(null)`
 * refuses every connection (no instance reachable).
 */
export async function startSwitchableProxy(first: number) {
  let target: number | null = first
  const open = new Set<Socket>()
  const server = createServer((incoming) => {
    if (target === null) {
      incoming.destroy()
      return
    }
    const upstream = connect(target, '127.0.0.1')
    for (const socket of [incoming, upstream]) {
      open.add(socket)
      socket.on('close', () => open.delete(socket))
      socket.on('error', () => undefined)
    }
    incoming.pipe(upstream).pipe(incoming)
    incoming.on('close', () => upstream.destroy())
    upstream.on('close', () => incoming.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as { port: number }).port,
    to(port: number | null) {
      target = port
      for (const socket of open) socket.destroy()
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
