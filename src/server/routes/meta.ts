import type { RouteModule } from '../http/context.js'

const DOCS_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Strata API</title>
<style>body{font:14px/1.5 system-ui,sans-serif;margin:2em;max-width:60em}code{background:#f3f3f3;padding:0 .3em}
h2{margin-top:1.5em;border-bottom:1px solid #ddd}.m{display:inline-block;width:4.5em;font-weight:bold}</style></head>
<body><h1>Strata API</h1><p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3).
Authenticate with a session cookie (<code>POST /api/auth/login</code>, then send <code>x-csrf-token</code> on writes)
or <code>Authorization: Bearer sk_…</code>. Errors: <code>{"error":{"code","message","details"}}</code>.</p>
<div id="ops">Loading…</div><script>
fetch('/api/openapi.json').then(r=>r.json()).then(doc=>{const byTag={};
for(const [path,ops] of Object.entries(doc.paths))for(const [m,op] of Object.entries(ops)){
const tag=(op.tags||['other'])[0];(byTag[tag]=byTag[tag]||[]).push([m,path,op.summary||''])}
const el=document.getElementById('ops');el.textContent='';
for(const [tag,list] of Object.entries(byTag)){const h=document.createElement('h2');h.textContent=tag;el.append(h);
for(const [m,p,s] of list){const d=document.createElement('div');const b=document.createElement('span');b.className='m';
b.textContent=m.toUpperCase();const c=document.createElement('code');c.textContent=p;d.append(b,c,' '+s);el.append(d)}}});
</script></body></html>`

/** Health, the OpenAPI document and a small page listing every operation from it. */
export const metaRoutes: RouteModule = (app) => {
  app.get('/api/health', { config: { access: 'public' }, schema: { hide: true } }, async () => ({ ok: true }))
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  )
  app.get('/api/docs', { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/html; charset=utf-8').send(DOCS_PAGE),
  )
}
