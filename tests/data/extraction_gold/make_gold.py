# Writes the gold jsonl from hand-read figures + hand-picked country forms (no ima extraction code used).
import json, re, sys
from pathlib import Path
from ima.ingest.pipeline import parse_bytes
FORMS = {  # surface form (as read in the documents) -> ISO alpha-3 / region id
 "Nederland":"NLD","Nederlandse":"NLD","Nederlands":"NLD","NL":"NLD","Europa":"europe",
 "Marokko":"MAR","Turkije":"TUR","Turken":"TUR","EU-Turkije":"TUR","EU-Turkijedeal":"TUR","Tunesië":"TUN",
 "Noord-Afrika":"north-africa","Noord-Afrikaanse":"north-africa","Egypte":"EGY","Jordanië":"JOR","Jordaanse":"JOR",
 "Malta":"MLT","Oeganda":"UGA","Afghanistan":"AFG","Afrika":"africa","Afrikaanse":"africa","Algerije":"DZA",
 "Westelijke Balkan":"western-balkans","Bangladesh":"BGD","Eritreeërs":"ERI","Ethiopië":"ETH","Franse":"FRA",
 "Griekenland":"GRC","Griekse":"GRC","Irak":"IRQ","Libanon":"LBN","Libische":"LBY","Libië":"LBY","Mali":"MLI",
 "Mexico":"MEX","Centraal Middellandse Zeeroute":"central-mediterranean-route","Midden-Oosten":"middle-east",
 "Niger":"NER","Syrische":"SYR","Syrië":"SYR","Syriërs":"SYR","Zwitserland":"CHE",
 "West-Europa":"western-europe","Oost-Europa":"eastern-europe",
}
EXTRA_FORMS = json.loads(sys.argv[3]) if len(sys.argv) > 3 else {}
FORMS.update(EXTRA_FORMS)
path = Path(sys.argv[1]); figures = json.loads(Path(sys.argv[2]).read_text())
ps = parse_bytes(path.read_bytes(), source=str(path)).passages
out = []
for seq, kind, text, value, extra in figures:  # hand-read rows
    t = ps[seq].text; assert text in t, (seq, text)
    out.append({"kind": kind, "seq": seq, "passage": t[:60], "text": text, "value": value, **extra})
pat = re.compile(r"(?<![\w-])(" + "|".join(sorted(map(re.escape, FORMS), key=len, reverse=True)) + r")(?![\w-])")
for seq, x in enumerate(ps):
    seen = {}
    for m in pat.finditer(x.text):
        seen.setdefault(FORMS[m.group(1)], m.group(1))
    for code, form in seen.items():
        out.append({"kind": "country", "seq": seq, "passage": x.text[:60], "text": form, "code": code})
out.sort(key=lambda r: (r["seq"], r["kind"]))
dest = Path("tests/data/extraction_gold") / (path.name.removesuffix(".txt").removesuffix(".ocr").removesuffix(".pdf") + ".jsonl")
dest.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out))
print(dest, {k: sum(r["kind"] == k for r in out) for k in ("money", "count", "percent", "country")})
