// tldts ships the types of its packed tables under dist/types, not beside dist/es6.
declare module 'tldts/dist/es6/src/data/trie.js' {
  export * from 'tldts/dist/types/src/data/trie.d.ts';
}
