// A loopback API server for the start-up benchmark: answers the status call for droplet 61486916
// with the example document of DigitalOcean's reference, 404 for any other droplet. Prints its port.
'use strict';
const http = require('http');
const fs = require('fs');
const path = require('path');

const body = fs.readFileSync(path.join(__dirname, 'status-61486916.json'));
const statusPath = /^\/v2\/droplets\/([^/]+)\/destroy_with_associated_resources\/status\/?$/;
const port = Number(process.argv[2] || 0);

const server = http.createServer((request, response) => {
  const match = statusPath.exec(request.url.split('?')[0]);
  const headers = {
    'content-type': 'application/json; charset=utf-8',
    'ratelimit-limit': '5000',
    'ratelimit-remaining': '4999',
    'ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
  };
  if (request.method === 'GET' && match && match[1] === '61486916') {
    response.writeHead(200, { ...headers, 'content-length': body.length });
    response.end(body);
    return;
  }
  const error = Buffer.from(JSON.stringify({ id: 'not_found', message: 'The resource you requested could not be found.' }));
  response.writeHead(404, { ...headers, 'content-length': error.length });
  response.end(error);
});
server.keepAliveTimeout = 5000;
server.listen(port, '127.0.0.1', () => console.log(server.address().port));
