module.exports = async function globalTeardown() {
  const child = globalThis.__TETRAD_DEV_IDP__;
  if (child && child.exitCode === null) {
    const exited = new Promise((done) => child.on('exit', done));
    child.kill('SIGTERM');
    await exited;
  }
};
