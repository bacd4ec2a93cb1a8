// Preloaded (node --require) into the long-lived node servers the tests start (Azurite, the Playground). When the
// test host dies without stopping them (killed, crashed), the server is re-parented; it notices and exits instead of
// lingering and holding its port.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) {
    process.exit(0);
  }
}, 1000).unref();
