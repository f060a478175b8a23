// CSS imports in jsdom tests: nothing to apply.
module.exports = {};
