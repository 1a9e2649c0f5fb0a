// npm test's slice of `npm run fuzz`: 300 hostile signaling messages per browser, fixed seed, fed to
// live 2011 PeerConnections in every state (60 per state); zero failures: each victim still takes a
// real ANSWER and offers an added stream afterwards, and a normal call after each batch still reaches
// ACTIVE. The full run (10 000 per browser, any seed) is `npm run fuzz`.
import { expect } from 'chai';
import { browserNames } from './browsers.js';
import { runFuzz } from '../../fuzz/run.js';

const SEED = 20111027;

for (const engine of browserNames()) {
  describe(`[${engine}] signaling fuzzer, a 300-message slice (seed ${SEED})`, function () {
    it('no uncaught error, unhandled rejection, prototype pollution, unnamed state, unexpected throw or wedge; normal calls still connect', async function () {
      this.timeout(180000);
      const report = await runFuzz({ seed: SEED, count: 300, batchSize: 60, browsers: [engine] });
      const s = report.browsers[engine];
      const lines = [
        ...s.failures.map((f) => `${f.index === null ? '' : `message ${f.index} (${f.state}): `}${f.failure}\n    ${typeof f.message === 'string' ? JSON.stringify(f.message.slice(0, 300)) : ''}\n    ${f.reproduce}`),
        ...s.healthChecks.failed.map((h) => `normal call ${h}`),
        ...s.setupFailures.map((h) => `setup: ${h}`),
      ];
      expect(lines, lines.join('\n')).to.deep.equal([]);
      expect(s.messages).to.equal(300);
      expect(s.healthChecks.passed).to.equal(5);
      // Every state was reached and fed: nothing in CLOSING is answered, something elsewhere is.
      expect(Object.keys(s.byState).sort()).to.deep.equal(['ACTIVE', 'CLOSING', 'NEW', 'SDP_IDLE', 'SDP_WAITING']);
      expect(s.byState.CLOSING['ignored silently (CLOSING)']).to.be.greaterThan(0);
      expect(s.outcomes['threw INVALID_STATE_ERR']).to.be.greaterThan(0);
      expect(s.outcomes.applied).to.be.greaterThan(0);
      expect(s.liveness.passed).to.be.greaterThan(0);
    });
  });
}
