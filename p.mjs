import * as echarts from 'echarts';
import { Resvg } from '@resvg/resvg-js';
import fs from 'node:fs';
const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 640, height: 420 });
chart.setOption({ textStyle:{fontFamily:'PT Sans'}, title:{text:'Школы по ИСБ'}, legend:{bottom:0}, xAxis:{name:'ИСБ'}, yAxis:{}, series:[{type:'scatter',name:'Прочие',data:[[1,2],[3,4]]},{type:'scatter',name:'ШНОР',data:[[2,1]],label:{show:true,formatter:'Школа № 5', position:'right'}, markLine:{data:[{xAxis:2}]}}]});
const svg = chart.renderToSVGString();
for (const f of ['woff','woff2']) { try {
const r = new Resvg(svg, { font: { fontBuffers:[fs.readFileSync(`node_modules/@fontsource/pt-sans/files/pt-sans-cyrillic-400-normal.${f}`)], loadSystemFonts:false, defaultFontFamily:'PT Sans'}, fitTo:{mode:'zoom', value:2}});
const png = r.render().asPng(); fs.writeFileSync(`/tmp/p-${f}.png`, png); console.log(f, png.length);} catch(e){console.log(f,'ERR',e.message)} }
