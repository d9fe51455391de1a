/** OpenCC's Traditional → Simplified character table, as opencc-js ships it: "繁 简|…" entries. */
declare module 'opencc-js/dict/TSCharacters' {
  const table: string;
  export default table;
}
