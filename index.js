// Programmatic use of the idverify core: catalog, client, emulator-independent transports, normalization.
module.exports = require('./dist/core');
