const { parse } = require('csv-parse/sync');
const text = 'a,b,c\n1,2,"Заместитель\n3,4,x\n5,6,y\n7,8,z\n9,10,"Да, всё есть"\n11,12,w\n';
for (const relax of [true, false]) {
  try {
    const r = parse(text, { relax_quotes: relax, relax_column_count: true, info: true, raw: true });
    console.log(relax, JSON.stringify(r.map(x => [x.record, x.info.lines, x.raw])));
  } catch (e) { console.log(relax, e.code, e.message, e.lines, e.index); }
}
const t2 = 'a,b\r\n1,"x\r\ny"\r\n2,3\r\n4,5\r\n';
const r2 = parse(t2, { relax_quotes: true, info: true, raw:true });
console.log(JSON.stringify(r2.map(x => [x.record, x.info.lines])));
const t3 = 'a,b\n1,МБОУ "СОШ № 1"\n';
try { console.log(parse(t3, {relax_quotes:false})); } catch (e) { console.log(e.code) }
