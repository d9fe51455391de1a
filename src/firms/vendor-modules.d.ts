/** OpenCC's Traditional → Simplified character table, as opencc-js ships it: "繁 简|…" entries. */
declare module 'opencc-js/dict/TSCharacters' {
  const table: string;
  export default table;
}

/** OpenCC's tables as opencc-js ships them ("source target|…"), for src/convert. */
declare module 'opencc-js/dict/STCharacters' {
  const table: string;
  export default table;
}
declare module 'opencc-js/dict/STPhrases' {
  const table: string;
  export default table;
}
declare module 'opencc-js/dict/TWPhrases' {
  const table: string;
  export default table;
}
declare module 'opencc-js/dict/TWVariants' {
  const table: string;
  export default table;
}
declare module 'opencc-js/dict/TWVariantsPhrases' {
  const table: string;
  export default table;
}
declare module 'opencc-js/dict/TSPhrases' {
  const table: string;
  export default table;
}
