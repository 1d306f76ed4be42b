/**
 * The suite's jest environment: Node's, plus the real `process.env` for the emulator. A test's
 * own `process.env` is a copy, so setting `TZ` there would not change V8's local time zone;
 * the emulator sets the script's zone while script code runs (emulator/script-zone.ts).
 */
const { TestEnvironment } = require('jest-environment-node');

class ShnorEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    // Functions, not the env object itself: jest's globals clean-up walks objects left on the
    // global, and the real env refuses its property rewrites.
    this.global.__hostTZ = () => process.env.TZ;
    this.global.__setHostTZ = (zone) => {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    };
  }
}

module.exports = ShnorEnvironment;
