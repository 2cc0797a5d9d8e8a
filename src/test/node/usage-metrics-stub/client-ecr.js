'use strict';
// A stand-in for @aws-sdk/client-ecr: DescribeImages over a fixture, paginated and filtered as the API reference says
// (maxResults 1 to 1000, default 100; only ACTIVE images unless filter.imageStatus says otherwise).
const fs = require('fs');
const fixture = JSON.parse(fs.readFileSync(process.env.USAGE_METRICS_FIXTURE, 'utf8'));

function images(name) {
  const spec = fixture.repositories[name];
  const list = [];
  for (let i = 0; i < spec.active; i++) list.push({ imageDigest: 'sha256:a' + i, imageSizeInBytes: spec.size, imageStatus: 'ACTIVE' });
  for (let i = 0; i < (spec.archived || 0); i++) list.push({ imageDigest: 'sha256:r' + i, imageSizeInBytes: spec.size, imageStatus: 'ARCHIVED' });
  return list;
}

class DescribeImagesCommand {
  constructor(input) { this.input = input; }
}

class ECRClient {
  async send(command) {
    if (!(command instanceof DescribeImagesCommand)) throw new Error('unexpected command ' + command.constructor.name);
    const input = command.input;
    global.__usageMetricsCalls.describeImages.push(input);
    const error = (name) => Object.assign(new Error(name + ' for ' + input.repositoryName), { name });
    if (input.maxResults !== undefined && (input.maxResults < 1 || input.maxResults > 1000)) throw error('InvalidParameterException');
    if ((fixture.failing || []).includes(input.repositoryName)) throw error('AccessDeniedException');
    if (!(input.repositoryName in fixture.repositories)) throw error('RepositoryNotFoundException');
    const status = (input.filter && input.filter.imageStatus) || 'ACTIVE';
    const visible = images(input.repositoryName).filter((i) => status === 'ANY' || i.imageStatus === status);
    const start = input.nextToken ? Number(input.nextToken) : 0;
    const size = input.maxResults || 100;
    const end = Math.min(start + size, visible.length);
    return { imageDetails: visible.slice(start, end), nextToken: end < visible.length ? String(end) : undefined };
  }
}

module.exports = { ECRClient, DescribeImagesCommand };
