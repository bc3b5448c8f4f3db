#!/usr/bin/python3
"""Generate N distinct, valid one-page briefs for benchmarks.

Usage:
    /usr/bin/python3 bench/make_briefs.py OUTDIR [--count N] [--seed S]

Contract:
  * Writes N files (default 1000) named OUTDIR/<region>/<slug>.yaml, where region is
    one of europe, asia, americas, mena (by the script and country of the company).
    Slugs are unique across the whole tree, so `brief render -o DIR` never maps two
    briefs onto one PDF. Existing files in OUTDIR are left alone (same names are
    overwritten).
  * Same seed (default 1) and count -> byte-identical files. Only the standard library
    is used; all randomness comes from random.Random(seed).
  * Every brief follows docs/brief-format.md: all strings double-quoted, dates never
    after as_of, histories in date order, no logo; about half are Latin-only, the rest
    carry native names, people and events in Cyrillic, Greek, Arabic, Hebrew,
    Devanagari, Thai, Chinese, Japanese or Korean. List and text lengths vary but stay
    small enough for the classic template to fit everything on one page.
"""
import argparse
import os
import random
import unicodedata

SUFFIXES = ["Motors", "Automotive", "Logistics", "Energy", "Industries", "Mobility"]
INDUSTRY = {
    "Motors": ["Automotive manufacturing", "Passenger cars", "Light commercial vehicles"],
    "Automotive": ["Automotive components", "Contract vehicle assembly", "Buses and coaches"],
    "Logistics": ["Vehicle logistics", "Freight and fleet services", "Finished-vehicle shipping"],
    "Energy": ["Battery cells and energy storage", "Charging infrastructure", "Battery recycling"],
    "Industries": ["Trucks and special vehicles", "Castings and powertrains", "Agricultural machinery"],
    "Mobility": ["Electric two- and three-wheelers", "Car sharing and leasing", "Electric buses"],
}
TAILS = ["", "", "", " Group", " Holding", " Works", " International", " & Co"]

# Per script: region, join between native stem and suffix, stems "Latin/native", native
# suffixes (in SUFFIXES order), cities "City, Country, CUR", people, roles, event phrases.
SCRIPTS = {
    "cyrillic": dict(region="europe", join=" ",
        stems="Volga/Волга|Ural/Урал|Baltika/Балтика|Sibir/Сибирь|Kama/Кама|Neva/Нева|Sever/Север|Zarya/Заря|Vostok/Восток",
        suffixes="Моторс|Автомотив|Логистик|Энерго|Индастриз|Мобилити",
        cities="Kazan, Russia, RUB|Samara, Russia, RUB|Tolyatti, Russia, RUB|Nizhny Novgorod, Russia, RUB|Almaty, Kazakhstan, KZT|Minsk, Belarus, BYN|Belgrade, Serbia, RSD",
        people="Ирина Соколова|Алексей Морозов|Дмитрий Волков|Наталья Кузнецова",
        roles="Генеральный директор|Председатель совета директоров",
        events="Открыт новый сборочный завод|Начато серийное производство электромобилей|Подписано соглашение о поставках аккумуляторов|Компания вышла на рынок Казахстана"),
    "greek": dict(region="europe", join=" ",
        stems="Aegean/Αιγαίο|Olympos/Όλυμπος|Helios/Ήλιος|Poseidon/Ποσειδών|Kriti/Κρήτη|Pindos/Πίνδος|Ionio/Ιόνιο",
        suffixes="Μότορς|Αυτοκίνητα|Εφοδιαστική|Ενέργεια|Βιομηχανίες|Κινητικότητα",
        cities="Athens, Greece, EUR|Thessaloniki, Greece, EUR|Patras, Greece, EUR|Heraklion, Greece, EUR|Nicosia, Cyprus, EUR|Limassol, Cyprus, EUR",
        people="Γιώργος Παπαδόπουλος|Ελένη Οικονόμου|Νίκος Αντωνίου|Μαρία Γεωργίου",
        roles="Διευθύνων σύμβουλος|Πρόεδρος του διοικητικού συμβουλίου",
        events="Άνοιξε νέο εργοστάσιο στη Θεσσαλονίκη|Έναρξη παραγωγής ηλεκτρικών λεωφορείων|Υπογραφή συμφωνίας με ευρωπαϊκό προμηθευτή μπαταριών"),
    "arabic": dict(region="mena", join=" ",
        stems="Al Noor/النور|Al Fajr/الفجر|Al Waha/الواحة|Al Khaleej/الخليج|Al Sahra/الصحراء|Al Rimal/الرمال|Al Nakheel/النخيل|Al Bayan/البيان",
        suffixes="للسيارات|لصناعة السيارات|للخدمات اللوجستية|للطاقة|للصناعات|للتنقل",
        cities="Riyadh, Saudi Arabia, SAR|Jeddah, Saudi Arabia, SAR|Dubai, United Arab Emirates, AED|Abu Dhabi, United Arab Emirates, AED|Doha, Qatar, QAR|Cairo, Egypt, EGP|Amman, Jordan, JOD|Casablanca, Morocco, MAD|Muscat, Oman, OMR|Kuwait City, Kuwait, KWD",
        people="محمد العتيبي|فاطمة الزهراني|خالد المنصوري|سارة الحربي",
        roles="الرئيس التنفيذي|رئيس مجلس الإدارة",
        events="افتتاح مصنع جديد للتجميع|بدء إنتاج الحافلات الكهربائية|توقيع اتفاقية توريد مع شركة يابانية|التوسع في أسواق الخليج"),
    "hebrew": dict(region="mena", join=" ",
        stems="Galil/גליל|Negev/נגב|Carmel/כרמל|Yarden/ירדן|Kinneret/כנרת|Arava/ערבה|Tavor/תבור|Sharon/שרון",
        suffixes="מוטורס|רכב|לוגיסטיקה|אנרגיה|תעשיות|מוביליטי",
        cities="Tel Aviv, Israel, ILS|Haifa, Israel, ILS|Jerusalem, Israel, ILS|Be'er Sheva, Israel, ILS|Petah Tikva, Israel, ILS|Netanya, Israel, ILS",
        people="נועה לוי|דניאל כהן|מיכל אברהם|יוסי מזרחי",
        roles="מנכ״ל|יו״ר הדירקטוריון",
        events="נפתח מפעל חדש בדרום הארץ|תחילת ייצור סוללות לרכב חשמלי|נחתם הסכם שיתוף פעולה עם יצרנית אירופית"),
    "devanagari": dict(region="asia", join=" ",
        stems="Bharat/भारत|Ganga/गंगा|Surya/सूर्य|Himalaya/हिमालय|Shakti/शक्ति|Vayu/वायु|Prakash/प्रकाश|Narmada/नर्मदा",
        suffixes="मोटर्स|ऑटोमोटिव|लॉजिस्टिक्स|एनर्जी|इंडस्ट्रीज़|मोबिलिटी",
        cities="Mumbai, India, INR|Pune, India, INR|Chennai, India, INR|New Delhi, India, INR|Bengaluru, India, INR|Ahmedabad, India, INR|Jamshedpur, India, INR|Kathmandu, Nepal, NPR",
        people="अनिल शर्मा|प्रिया वर्मा|राजेश गुप्ता|सुनीता पटेल",
        roles="प्रबंध निदेशक|अध्यक्ष",
        events="पुणे में नया संयंत्र शुरू हुआ|इलेक्ट्रिक तिपहिया वाहनों का उत्पादन शुरू|बैटरी आपूर्ति के लिए समझौता हुआ"),
    "thai": dict(region="asia", join="",
        stems="Siam/สยาม|Chao Phraya/เจ้าพระยา|Lanna/ล้านนา|Suvarna/สุวรรณ|Rattana/รัตนา|Ayutthaya/อยุธยา|Mekong/แม่โขง",
        suffixes="มอเตอร์|ยานยนต์|โลจิสติกส์|พลังงาน|อุตสาหกรรม|โมบิลิตี้",
        cities="Bangkok, Thailand, THB|Chonburi, Thailand, THB|Rayong, Thailand, THB|Chiang Mai, Thailand, THB|Samut Prakan, Thailand, THB",
        people="สมชาย ใจดี|สุดารัตน์ ศรีสุข|ประยุทธ์ วงศ์ทอง",
        roles="กรรมการผู้จัดการ|ประธานกรรมการ",
        events="เปิดโรงงานประกอบรถยนต์แห่งใหม่ที่ระยอง|เริ่มผลิตรถกระบะไฟฟ้าสำหรับตลาดในประเทศ|ลงนามความร่วมมือกับผู้ผลิตแบตเตอรี่"),
    "chinese": dict(region="asia", join="",
        stems="Huaxia/华夏|Changjiang/长江|Dongfang/东方|Jinlong/金龙|Tianma/天马|Xinghai/星海|Longteng/龙腾|Zhonghe/中和",
        suffixes="汽车|汽车工业|物流|能源|实业|出行",
        cities="Shanghai, China, CNY|Shenzhen, China, CNY|Chongqing, China, CNY|Hefei, China, CNY|Wuhan, China, CNY|Changchun, China, CNY|Guangzhou, China, CNY|Hong Kong, China, HKD",
        people="李明|王芳|张伟|陈静",
        roles="董事长|总经理",
        events="在上海建成第二座整车工厂|纯电动轿车正式量产|与电池供应商签署长期合作协议|进入东南亚市场"),
    "japanese": dict(region="asia", join="",
        stems="Sakura/さくら|Fuji/富士|Hikari/ひかり|Yamato/大和|Asahi/朝日|Hoshino/星野|Midori/みどり|Kaede/かえで",
        suffixes="モーターズ|自動車|ロジスティクス|エナジー|工業|モビリティ",
        cities="Tokyo, Japan, JPY|Nagoya, Japan, JPY|Osaka, Japan, JPY|Hamamatsu, Japan, JPY|Hiroshima, Japan, JPY|Yokohama, Japan, JPY",
        people="佐藤健一|鈴木美咲|高橋誠|田中由美",
        roles="代表取締役社長|取締役会長",
        events="名古屋に新工場を開設した。|電気自動車の量産を開始した。|電池メーカーと長期供給契約を締結した。"),
    "korean": dict(region="asia", join=" ",
        stems="Hanbit/한빛|Saebyeok/새벽|Daehan/대한|Mirae/미래|Haneul/하늘|Baekdu/백두|Hanbada/한바다|Nuri/누리",
        suffixes="모터스|자동차|물류|에너지|산업|모빌리티",
        cities="Seoul, South Korea, KRW|Ulsan, South Korea, KRW|Busan, South Korea, KRW|Incheon, South Korea, KRW|Daegu, South Korea, KRW|Changwon, South Korea, KRW",
        people="김민준|이서연|박지훈|최수아",
        roles="대표이사|이사회 의장",
        events="울산에 새 공장 준공|전기 트럭 양산 시작|배터리 공급 계약 체결"),
}
# Latin-only companies, by region: stems, cities (with diacritics), people, legal forms.
LATIN = {
    "europe": dict(
        stems="Nordvik|Vättern|Brønd|Złota|Vltava|Dunaj|Rhône|Alpenhöhe|Baltis|Iberia|Carpați|Solvær|Tatra|Ebro",
        cities="Göteborg, Sweden, SEK|Malmö, Sweden, SEK|Tromsø, Norway, NOK|Århus, Denmark, DKK|Kraków, Poland, PLN|Łódź, Poland, PLN|Plzeň, Czechia, CZK|Mladá Boleslav, Czechia, CZK|Győr, Hungary, HUF|Zürich, Switzerland, CHF|München, Germany, EUR|Besançon, France, EUR|A Coruña, Spain, EUR|Turin, Italy, EUR|Cluj-Napoca, Romania, RON|Reykjavík, Iceland, ISK|Tartu, Estonia, EUR|Manchester, United Kingdom, GBP",
        people="Ingrid Solberg|Jürgen Weiß|Agnieszka Wróbel|Tomáš Dvořák|Zoltán Kovács|Émilie Laurent|Søren Hjort|Ana Popescu|Ólafur Jónsson",
        legal="AB|GmbH|S.A.|Sp. z o.o.|a.s.|S.p.A.|Zrt.|A/S"),
    "americas": dict(
        stems="Andina|Pampa|Sierra|Cóndor|Atlântico|Maple|Great Lakes|Río Bravo|Cascadia|Amazonía|Pacífico|Prairie",
        cities="São Paulo, Brazil, BRL|Curitiba, Brazil, BRL|Belo Horizonte, Brazil, BRL|Monterrey, Mexico, MXN|Querétaro, Mexico, MXN|Bogotá, Colombia, COP|Santiago, Chile, CLP|Córdoba, Argentina, ARS|Lima, Peru, PEN|Detroit, United States, USD|Austin, United States, USD|Toronto, Canada, CAD|Montréal, Canada, CAD",
        people="João Ferreira|María José Pérez|Carlos Muñoz|Emily Carter|Luis Ortega|Camila Rocha|Benoît Tremblay",
        legal="S.A.|Ltda.|S.A. de C.V.|Inc.|Corp."),
    "asia": dict(
        stems="Sông Hồng|Hạ Long|Mê Kông|Nusantara|Garuda|Perdana|Bayanihan|Merlion",
        cities="Hà Nội, Vietnam, VND|Hải Phòng, Vietnam, VND|Jakarta, Indonesia, IDR|Surabaya, Indonesia, IDR|Kuala Lumpur, Malaysia, MYR|Manila, Philippines, PHP|Singapore, Singapore, SGD",
        people="Nguyễn Thị Lan|Trần Văn Minh|Budi Santoso|Siti Rahmah|Maria Santos|Lim Wei Ling",
        legal="JSC|PT|Sdn. Bhd.|Inc.|Pte. Ltd."),
    "mena": dict(
        stems="Anadolu|Ege|Karadeniz|Boğaziçi|Kapadokya|Toros|Marmara",
        cities="İstanbul, Türkiye, TRY|Bursa, Türkiye, TRY|İzmir, Türkiye, TRY|Kocaeli, Türkiye, TRY|Ankara, Türkiye, TRY|Tunis, Tunisia, TND",
        people="Ayşe Yılmaz|Mehmet Öztürk|Elif Şahin|Mustafa Çelik|Zeynep Aydın",
        legal="A.Ş.|Ltd. Şti.|S.A."),
}
RATE = dict(USD=1, EUR=0.92, GBP=0.79, CHF=0.88, SEK=10.5, NOK=10.6, DKK=6.9, PLN=4.0, CZK=23,
            HUF=360, RON=4.6, ISK=138, RUB=90, KZT=450, BYN=3.2, RSD=108, SAR=3.75, AED=3.67,
            QAR=3.64, EGP=31, JOD=0.71, MAD=10, OMR=0.385, KWD=0.31, ILS=3.7, INR=83, NPR=133,
            THB=35, CNY=7.2, HKD=7.8, JPY=150, KRW=1300, BRL=5, MXN=17, COP=4000, CLP=900,
            ARS=800, PEN=3.7, CAD=1.35, VND=24000, IDR=15500, MYR=4.6, PHP=56, SGD=1.35,
            TRY=30, TND=3.1)
INTL_PEOPLE = "Anna Berg|David Chen|Sofia Rossi|Omar Haddad|Kenji Mori|Priya Nair|Lena Fischer"
ROLES = "Chief executive|Chief financial officer|Chair of the board|Chief technology officer|Head of electrification|Chief operating officer"
OWNERSHIP = ["Private", "Family-owned", "State-owned", "Listed", "Listed (dual listing)", "Joint venture", "Owned by a private equity fund", "Cooperative"]
EVENTS = ["Opened a plant in {city}", "Launched its first {thing}", "Listed on the {city} stock exchange",
          "Signed a supply deal with {partner}", "Record output of {n:,} vehicles", "Acquired a stake in {partner}",
          "Entered the {country} market", "Restructured after a loss-making year", "Opened an engineering centre in {city}",
          "Second assembly line for the {thing}, adding {n:,} units of yearly capacity", "Recalled {n:,} vehicles over a brake defect"]
MARKETS = ["Poland", "Brazil", "Egypt", "India", "Chile", "Vietnam"]
THINGS = ["electric van", "city car", "pickup truck", "electric bus", "battery pack", "delivery scooter", "hybrid SUV", "tractor"]
PARTNERS = ["CATL", "Bosch", "Magna", "Valeo", "Denso", "Siemens", "ZF", "Continental", "Panasonic", "Foxconn", "Renault",
            "Geely", "Hyundai", "Toyota", "Nordic Glass", "Atlas Castings", "Meridian Freight", "Helix Software", "Orion Cells"]
SCOPES = {"contract_assembly": ["Passenger cars", "Light trucks", "Crossovers for the home market"],
          "licensing": ["Engine design", "Platform licence for compact cars"], "joint_venture": ["Battery cell plant", "Regional sales company"],
          "supply": ["Battery cells", "Windscreens", "Seats and interiors", "Semiconductors"], "technology": ["Driver assistance software", "Fast-charging systems"],
          "distribution": ["Dealer network abroad", "Spare parts"], "other": ["Research programme", "Training centre"]}
SENTENCES = ["{name} is active in {ind}, with customers in {country} and {n} export markets.",
             "It employs about {k:,} people at {p} sites.", "The company began as {origin} and grew through acquisitions.",
             "Most revenue comes from fleet customers and public tenders.", "Since {y} it has invested heavily in electrification.",
             "Output fell sharply during the supply crisis but has since recovered to earlier levels.",
             "Management expects margins to improve as new models reach full production.",
             "Its main plant in {city} is among the most automated in the region.",
             "Exports now account for roughly {pct} percent of sales."]
ORIGINS = ["a repair workshop", "a carriage works", "a state enterprise", "a dealer network", "a bicycle maker", "a spin-off of a steel group"]
DISRUPTIONS = ["Plant fire", "Semiconductor shortage", "Sanctions on component imports", "Flooding at the main plant",
               "Cyberattack on ordering systems", "Strike at the assembly plant", "Port closure", "Pandemic closure", "Supplier insolvency"]
DISRUPTION_TEXT = ["Production stopped for several weeks.", "Deliveries were delayed and some orders were cancelled.",
                   "The company moved part of the work to a second site.", "Staff were kept on with state support.",
                   "A new supplier was qualified within months.", "Insurance covered most of the losses."]
MILESTONES = ["Electric van pilot", "Battery pack assembly line", "First electric city car", "Solid-state battery trials",
              "Charging network at all dealers", "Electric bus for municipal fleets", "Second-generation EV platform",
              "Hydrogen truck prototype", "Battery recycling plant"]
PILLARS = ["Own battery packs", "Recycled aluminium", "Local cell supply", "Software-defined vehicles", "Fast charging at depots",
           "Technology-neutral platform", "Lower-cost LFP chemistry", "Renewable power at every plant"]
SOURCES = ["Company website", "Annual report {y}", "Reuters", "Financial Times", "Stock exchange filings", "Local business press",
           "Interview with the chief executive", "Industry association statistics"]


def split(s): return s.split("|")


def q(s):
    """A double-quoted YAML string."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Raw(str):
    """A scalar written as is (dates, numbers)."""


def scalar(v):
    if isinstance(v, bool): return "true" if v else "false"
    if isinstance(v, (int, Raw)): return str(v)
    return q(v)


def emit(v, indent=0):
    """Block-style YAML; lists of small mappings sometimes in flow style (dict key '_flow')."""
    pad, out = "  " * indent, []
    if isinstance(v, dict):
        for k, x in v.items():
            if isinstance(x, (dict, list)): out += [f"{pad}{k}:"] + emit(x, indent + 1)
            else: out.append(f"{pad}{k}: {scalar(x)}")
    else:
        for x in v:
            if isinstance(x, dict) and x.pop("_flow", False):
                out.append(f"{pad}- {{" + ", ".join(f"{k}: {scalar(y)}" for k, y in x.items()) + "}")
            elif isinstance(x, dict):
                sub = emit(x, indent + 1)
                out += [f"{pad}- " + sub[0].lstrip()] + sub[1:]
            else: out.append(f"{pad}- {scalar(x)}")
    return out


def slugify(s):
    s = s.translate(str.maketrans({"ø": "o", "ł": "l", "Ł": "L", "ß": "ss", "ı": "i", "đ": "d", "&": "and"}))
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    return "-".join("".join(c if c.isalnum() else " " for c in s).split())


def fmt_date(y, m, d, r):
    s = f"{y}" if m is None else f"{y}-{m:02d}" if d is None else f"{y}-{m:02d}-{d:02d}"
    return Raw(q(s) if r.random() < 0.1 else s)


def by_date(t): return (t[0], t[1] or 0, t[2] or 0)  # 2022 < 2022-05 < 2022-05-16, as the tool sorts


def rand_date(r, lo_year, bound):
    """(y, m, d) with m/d possibly None, not after bound = (y, m, d) of as_of."""
    y = r.randint(lo_year, bound[0])
    p = r.random()
    if p < 0.5: return (y, None, None)
    m = r.randint(1, bound[1] if y == bound[0] and bound[1] else 12)
    if p < 0.85: return (y, m, None)
    same = y == bound[0] and m == bound[1] and bound[2]
    return (y, m, r.randint(1, bound[2] if same else 28))


def amount(r, x):
    x = min(x, 9e14)  # the format allows at most 1e15
    if r.random() < 0.5: return Raw(str(max(1, int(round(x, -5)))))
    e = 3 * ((len(str(int(x))) - 1) // 3)
    return Raw(f"{x / 10 ** e:.{r.choice([1, 2])}f}e{e}")


def make_company(r, script, data, used):
    """The company mapping, plus the facts the other sections reuse."""
    if script == "latin":
        stem = r.choice(split(data["stems"]))
    else:
        stem, native_stem = r.choice(split(data["stems"])).split("/")
    si = r.randrange(len(SUFFIXES))
    name = f"{stem} {SUFFIXES[si]}{r.choice(TAILS)}"
    while slugify(name) in used:  # file names must be unique across the tree
        name = f"{stem} {SUFFIXES[si]} {r.choice(['North', 'South', 'East', 'West', 'Pacific', 'Central', 'United'])}"
        if slugify(name) in used: name += f" {len(used) + r.randrange(100)}"
    used.add(slugify(name))
    city, country, cur = r.choice(split(data["cities"])).split(", ")
    as_of = (r.randint(2022, 2025), None, None)
    if r.random() < 0.6: as_of = (as_of[0], r.randint(1, 12), r.randint(1, 28) if r.random() < 0.3 else None)
    founded = r.randint(1890, as_of[0] - 3)
    industry = r.choice(INDUSTRY[SUFFIXES[si]])
    company = {"name": name}
    if script != "latin":
        company["native_name"] = native_stem + data["join"] + split(data["suffixes"])[si]
    elif r.random() < 0.4:
        company["native_name"] = f"{name} {r.choice(split(data['legal']))}"
    company.update(headquarters=f"{city}, {country}", founded=founded, industry=industry)
    if r.random() < 0.7: company["ownership"] = r.choice(OWNERSHIP)
    if r.random() < 0.6: company["website"] = f"https://{slugify(name)}.example" + r.choice(["", "/", "/en", "/about?lang=en"])
    latin_people = split(data["people"] if script == "latin" else INTL_PEOPLE)
    native_people = [] if script == "latin" else r.sample(split(data["people"]), len(split(data["people"])))
    native_roles = [] if script == "latin" else split(data["roles"])
    people, roles = [], r.sample(split(ROLES), 4)
    for i in range(r.choice([0, 1, 1, 2, 2, 3, 4])):  # distinct people, distinct roles
        if native_people and r.random() < 0.6:
            role = native_roles.pop() if native_roles and r.random() < 0.6 else roles[i]
            people.append({"name": native_people.pop(), "role": role})
        else:
            people.append({"name": latin_people.pop(r.randrange(len(latin_people))), "role": roles[i]})
    if people: company["people"] = people
    fill = dict(name=name, ind=industry.lower(), country=country, city=city, n=r.randint(2, 40), k=r.randint(80, 60000),
                p=r.randint(1, 9), y=r.randint(founded, as_of[0]), origin=r.choice(ORIGINS), pct=r.randint(5, 85))
    summary = " ".join(s.format(**fill) for s in [SENTENCES[0]] + r.sample(SENTENCES[1:], r.randint(0, 4)))
    if script != "latin" and r.random() < 0.5: summary += f" Known at home as {company['native_name']}."
    company["summary"] = summary
    return company, dict(name=name, city=city, country=country, cur=cur, founded=founded, as_of=as_of)


def make_history(r, script, data, f):
    """1 to 10 events in date order, none twice, about a third native for non-Latin."""
    own = [] if script == "latin" else r.sample(split(data["events"]), len(split(data["events"])))
    templates = r.sample(EVENTS, len(EVENTS))
    history = [{"date": Raw(str(f["founded"])), "event": f"Founded in {f['city']}"}]
    for d in sorted((rand_date(r, f["founded"], f["as_of"]) for _ in range(r.randint(0, 9))), key=by_date):
        if own and r.random() < 0.35: text = own.pop()
        else: text = templates.pop().format(city=r.choice(split(data["cities"])).split(", ")[0], thing=r.choice(THINGS),
                                            partner=r.choice(PARTNERS), n=r.randint(500, 250000), country=r.choice(MARKETS))
        history.append({"date": fmt_date(*d, r), "event": text})
    return history


def make_rankings(r, f, flow):
    year, first = f["as_of"][0], max(f["founded"], f["as_of"][0] - 10)
    rows, lists = [], [f"{f['country']} top 100 companies", "Fortune Global 500",
                       f"Forbes, largest private companies in {f['country']}", "Global top 250 suppliers"]
    for lst in r.sample(lists, r.randint(1, 2)):
        size = 500 if "500" in lst else 250 if "250" in lst else 100
        for y in sorted(r.sample(range(first, year + 1), min(r.randint(1, 3), year + 1 - first))):
            rows.append({"_flow": flow, "year": y, "list": lst, "rank": r.randint(1, size)} | ({"of": size} if r.random() < 0.6 else {}))
    return rows


def make_revenue(r, f, flow):
    """A run of years in the home currency, sometimes a few in USD or EUR; no (currency, year) twice."""
    rows, base, cur = [], 10 ** r.uniform(7.3, 10.3), f["cur"]
    curs = [cur] + ([r.choice(["USD", "EUR"])] if r.random() < 0.3 and cur not in ("USD", "EUR") else [])
    for c in curs:
        n = r.randint(1, 6 if c == cur else 2)
        for y in range(max(f["founded"], f["as_of"][0] - n - r.randint(0, 1) + 1), f["as_of"][0] + 1):
            base *= r.uniform(0.85, 1.25)
            row = {"_flow": flow, "year": y, "amount": amount(r, base * RATE[c] * (1 if c == cur else 0.3)), "currency": c}
            if r.random() < 0.3: row["approximate"] = True
            if r.random() < 0.25: row["note"] = r.choice(["reported", "consolidated", "estimate", "export sales only", "press report"])
            rows.append(row)
    return rows


def make_disruptions(r, f):
    titles = r.sample(DISRUPTIONS, 2)
    dates = sorted((rand_date(r, max(f["founded"], f["as_of"][0] - 6), f["as_of"]) for _ in range(r.randint(1, 2))), key=by_date)
    return [{"date": fmt_date(*d, r), "title": titles.pop(), "summary": " ".join(r.sample(DISRUPTION_TEXT, r.randint(1, 3)))}
            | ({"status": r.choice(["ongoing", "partial", "resolved"])} if r.random() < 0.8 else {}) for d in dates]


def make_roadmap(r, f, flow):
    road, year = {}, f["as_of"][0]
    if r.random() < 0.85:  # milestones may lie in the future; past ones are done, delayed or cancelled
        texts = r.sample(MILESTONES, r.randint(1, 4))
        road["milestones"] = [{"_flow": flow, "date": Raw(str(y)), "milestone": text, "status": r.choice(
            ["done", "delayed", "cancelled"] if y < year else ["planned", "planned", "in_progress", "delayed"])}
            for y, text in zip(sorted(r.randint(year - 3, year + 6) for _ in texts), texts)]
    if r.random() < 0.6 or not road: road["pillars"] = r.sample(PILLARS, r.randint(1, 4))
    return road


def make_partnerships(r, f):
    rows, year = [], f["as_of"][0]
    for partner in r.sample(PARTNERS, r.randint(1, 5)):
        kind = r.choice(list(SCOPES))
        row = {"partner": partner, "kind": kind}
        if r.random() < 0.8: row["scope"] = r.choice(SCOPES[kind])
        if r.random() < 0.6:
            row["since"] = r.randint(max(f["founded"], year - 30), year)
            if r.random() < 0.4: row["until"] = r.randint(row["since"], year)
        if r.random() < 0.7: row["status"] = "ended" if "until" in row else r.choice(["active", "active", "ended"])
        rows.append(row)
    return rows


def make_sources(r, f):
    sources = []
    for s in r.sample(SOURCES, r.randint(1, 4)):
        src = {"name": s.format(y=f["as_of"][0] - 1)}
        if r.random() < 0.5: src["url"] = f"https://{slugify(f['name'])}.example/{slugify(src['name'])}"
        if r.random() < 0.3: src["note"] = r.choice(["Figures for the group", "Accessed at the as-of date",
                                                     "Cited by the trade press", f"Interview given in {f['city']}"])
        sources.append(src)
    return sources


def make_brief(r, script, used):
    """(region, slug, brief mapping). Optional sections appear with fixed odds; list
    lengths are capped so that even a brief with every section fits one page."""
    if script == "latin":
        region = r.choice(["europe"] * 4 + ["americas"] * 3 + ["asia"] * 2 + ["mena"])
        data = LATIN[region]
    else:
        data = SCRIPTS[script]
        region = data["region"]
    company, f = make_company(r, script, data, used)
    brief = {"brief": 1, "as_of": fmt_date(*f["as_of"], r), "company": company, "history": make_history(r, script, data, f)}
    flow = r.random() < 0.4  # small rows as {k: v, ...} in this brief
    if r.random() < 0.6: brief["rankings"] = make_rankings(r, f, flow)
    if r.random() < 0.7: brief["revenue"] = make_revenue(r, f, flow)
    if r.random() < 0.5: brief["disruptions"] = make_disruptions(r, f)
    if r.random() < 0.55: brief["ev_roadmap"] = make_roadmap(r, f, flow)
    if r.random() < 0.6: brief["partnerships"] = make_partnerships(r, f)
    brief["sources"] = make_sources(r, f)
    return region, slugify(f["name"]), brief


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir")
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    r = random.Random(args.seed)
    used = set()
    for i in range(args.count):
        script = "latin" if r.random() < 0.5 else r.choice(sorted(SCRIPTS))
        region, slug, brief = make_brief(r, script, used)
        os.makedirs(os.path.join(args.outdir, region), exist_ok=True)
        text = f"# Generated by bench/make_briefs.py --seed {args.seed} (brief {i + 1}, {script})\n" + "\n".join(emit(brief)) + "\n"
        with open(os.path.join(args.outdir, region, slug + ".yaml"), "w", encoding="utf-8", newline="\n") as out:
            out.write(text)


if __name__ == "__main__":
    main()
