const { parse } = require('csv-parse/sync');
const t2 = 'a,b\r\n1,"x\r\ny"\r\n\r\n2,3\r\n;;\n4,5\r\n';
const r2 = parse(t2, { relax_quotes: true, raw: true, relax_column_count: true, on_record: (rec, ctx) => ({rec, ctx: Object.keys(ctx), raw: ctx.raw, bytes: ctx.bytes}) });
console.log(JSON.stringify(r2));
const r3 = parse(t2, { relax_quotes: true, raw: true, relax_column_count: true, skip_empty_lines: true});
console.log(JSON.stringify(r3));
