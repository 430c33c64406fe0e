import json,sys
d=json.load(open('/work/main/out/per-page.json'))
rows=[(r['NewsLens']['precision'] or 0, r['NewsLens']['recall'] or 0, r['id'][:10], r['url'][:90]) for r in d]
key = 1 if len(sys.argv)>1 and sys.argv[1]=='r' else 0
rows.sort(key=lambda r:r[key])
for r in rows[:int(sys.argv[2]) if len(sys.argv)>2 else 30]: print('%.2f %.2f %s %s'%r)
