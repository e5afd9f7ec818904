// The translations of each language: translation.json plus one file per feature
// (profile.json, segments.json, …), merged into one tree, so features can add
// their text without all editing one large file.
type Tree = { [k: string]: unknown };

const zhFiles = import.meta.glob<Tree>("./zh-CN/*.json", { eager: true, import: "default" });
const enFiles = import.meta.glob<Tree>("./en-US/*.json", { eager: true, import: "default" });

function merge(into: Tree, from: Tree): Tree {
  for (const [k, v] of Object.entries(from)) {
    const here = into[k];
    into[k] = here && typeof here === "object" && v && typeof v === "object" && !Array.isArray(v)
      ? merge({ ...(here as Tree) }, v as Tree)
      : v;
  }
  return into;
}

const mergeAll = (files: Record<string, Tree>): Tree =>
  Object.keys(files).sort().reduce((acc, name) => merge(acc, files[name]), {} as Tree);

export const zhCN = mergeAll(zhFiles);
export const enUS = mergeAll(enFiles);
