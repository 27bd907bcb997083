// Copy to .remarkrc.mjs at the journal's root to see front-matter mistakes while you
// type, in VS Code with the "remark" extension (unifiedjs.vscode-remark). Needs Node:
//   npm install --save-dev remark-frontmatter remark-lint-frontmatter-schema
// The schema is schema/interview.schema.json (regenerate it with `journal schema --out …`
// after changing relationships, channels or teams in mkdocs.yml). `journal check` stays
// the reference: it also checks quotes, speakers and everything across files.
import remarkFrontmatter from "remark-frontmatter";
import remarkLintFrontmatterSchema from "remark-lint-frontmatter-schema";

export default {
  plugins: [
    remarkFrontmatter,
    [remarkLintFrontmatterSchema, {schemas: {"./schema/interview.schema.json": ["./interviews/**/*.md"]}}],
  ],
};
