// The Node.js one-shot the command is measured against: one status lookup with dots-wrapper.
// Usage: DIGITALOCEAN_TOKEN=... node status.js API_URL DROPLET_ID
'use strict';
const { createApiClient } = require('dots-wrapper');

const [apiUrl, dropletId] = process.argv.slice(2);
const client = createApiClient({ token: process.env.DIGITALOCEAN_TOKEN, endpoint: `${apiUrl}/v2` });
client.droplet.getDropletDestroyStatus({ droplet_id: Number(dropletId) })
  .then(({ data }) => {
    const resources = Object.values(data.resources || {}).flat();
    const outcome = data.completed_at ? (data.failures ? 'completed with failures' : 'succeeded') : 'in progress';
    console.log(`Droplet ${dropletId}: ${outcome} (${resources.length} resources, ${data.failures || 0} failed)`);
  })
  .catch((error) => {
    console.error(`status: ${error.message}`);
    process.exitCode = 1;
  });
