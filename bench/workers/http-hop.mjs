// Child process of bench/gateway-orders.mjs: the floor of any gateway here — one HTTP hop
// through Node with nothing else. It takes a POST, forwards its body and the signed actor
// header to the subgraph over a keep-alive connection, and answers the subgraph's bytes.
// No token, limits, checks, breaker, deadline or metrics: never a way to serve clients,
// only what a process hop costs on this machine, beside which the gateway's own work shows.
// Arguments: <port> <subgraph url>.
import http from 'node:http';

const [port, target] = [Number(process.argv[2]), new URL(process.argv[3])];
const ACTOR_HEADER = 'x-payoffice-actor';
const agent = new http.Agent({ keepAlive: true });

http
  .createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const headers = { 'content-type': 'application/json', 'content-length': body.length };
      if (req.headers[ACTOR_HEADER]) headers[ACTOR_HEADER] = req.headers[ACTOR_HEADER];
      const forwarded = http.request(
        { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent, headers },
        (answer) => {
          const parts = [];
          answer.on('data', (chunk) => parts.push(chunk));
          answer.on('end', () => {
            const bytes = Buffer.concat(parts);
            res.writeHead(answer.statusCode ?? 502, {
              'content-type': 'application/json',
              'content-length': bytes.length,
            });
            res.end(bytes);
          });
        },
      );
      forwarded.on('error', () => res.writeHead(502).end());
      forwarded.end(body);
    });
  })
  .listen(port, '127.0.0.1', () => process.send?.('listening'));
