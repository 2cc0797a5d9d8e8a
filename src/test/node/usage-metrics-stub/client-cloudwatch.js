'use strict';
// A stand-in for @aws-sdk/client-cloudwatch: records PutMetricData and refuses what CloudWatch refuses
// (more than 1,000 different metrics in one request, a namespace starting with AWS/).
class PutMetricDataCommand {
  constructor(input) { this.input = input; }
}

class CloudWatchClient {
  async send(command) {
    if (!(command instanceof PutMetricDataCommand)) throw new Error('unexpected command ' + command.constructor.name);
    const input = command.input;
    const distinct = new Set(input.MetricData.map((d) => d.MetricName + JSON.stringify(d.Dimensions)));
    if (distinct.size > 1000) throw Object.assign(new Error('too many metrics'), { name: 'InvalidParameterValueException' });
    if (input.Namespace.startsWith('AWS/')) throw Object.assign(new Error('reserved'), { name: 'InvalidParameterValueException' });
    global.__usageMetricsCalls.putMetricData.push(input);
    return {};
  }
}

module.exports = { CloudWatchClient, PutMetricDataCommand };
