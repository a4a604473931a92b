// Writes the HTTP API reference page of the docfx site from the OpenAPI document the API serves
// (src/TaskForce.Functions/openapi.json): one section per route with its parameters, request body and responses.
// Usage: node openapi-to-markdown.mjs <openapi.json> <out.md>
import { readFileSync, writeFileSync } from 'node:fs';

const [input, output] = process.argv.slice(2);
const doc = JSON.parse(readFileSync(input, 'utf8'));
const cell = (text) => String(text ?? '').replaceAll('|', '\\|').replaceAll('\n', ' ');
const ref = (schema) => schema?.$ref ? schema.$ref.split('/').pop() : schema?.type === 'array' ? `${ref(schema.items)}[]` : schema?.type ?? '';
const lines = [
  `# HTTP API: ${doc.info.title} ${doc.info.version}`,
  '',
  cell(doc.info.description),
  '',
  `Generated from the OpenAPI ${doc.openapi} document the API serves at \`GET /api/openapi.json\`; the raw document is`,
  '[openapi.json](openapi.json). Base path: ' + (doc.servers ?? []).map((s) => `\`${s.url}\``).join(', ') + '.',
  '',
];
for (const [path, item] of Object.entries(doc.paths)) {
  for (const [method, op] of Object.entries(item)) {
    if (!['get', 'put', 'post', 'delete', 'patch'].includes(method)) continue;
    lines.push(`## ${method.toUpperCase()} ${path}`, '');
    if (op.summary) lines.push(cell(op.summary), '');
    if (op.description) lines.push(cell(op.description), '');
    if (op.operationId) lines.push(`Operation id: \`${op.operationId}\``, '');
    const params = [...(item.parameters ?? []), ...(op.parameters ?? [])];
    if (params.length) {
      lines.push('| Parameter | In | Required | Type | Description |', '|---|---|---|---|---|');
      for (const p of params) lines.push(`| \`${p.name}\` | ${p.in} | ${p.required ? 'yes' : 'no'} | ${cell(ref(p.schema))} | ${cell(p.description)} |`);
      lines.push('');
    }
    if (op.requestBody) {
      const types = Object.entries(op.requestBody.content ?? {}).map(([t, c]) => `\`${t}\`${ref(c.schema) ? ` (${ref(c.schema)})` : ''}`);
      lines.push(`Request body: ${types.join(', ')}${op.requestBody.required ? ', required' : ''}.`, '');
    }
    lines.push('| Status | Description | Content |', '|---|---|---|');
    for (const [status, r] of Object.entries(op.responses ?? {})) {
      const types = Object.entries(r.content ?? {}).map(([t, c]) => `\`${t}\`${ref(c.schema) ? ` (${ref(c.schema)})` : ''}`);
      lines.push(`| ${status} | ${cell(r.description)} | ${types.join(', ')} |`);
    }
    lines.push('');
  }
}
const schemas = Object.entries(doc.components?.schemas ?? {});
if (schemas.length) {
  lines.push('## Schemas', '');
  for (const [name, s] of schemas) {
    lines.push(`### ${name}`, '');
    if (s.description) lines.push(cell(s.description), '');
    const props = Object.entries(s.properties ?? {});
    if (props.length) {
      lines.push('| Property | Type | Required | Description |', '|---|---|---|---|');
      for (const [p, ps] of props) lines.push(`| \`${p}\` | ${cell(ref(ps))} | ${(s.required ?? []).includes(p) ? 'yes' : 'no'} | ${cell(ps.description)} |`);
      lines.push('');
    }
  }
}
writeFileSync(output, lines.join('\n') + '\n');
