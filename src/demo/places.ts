/**
 * Real place names per partner country, for the synthetic part of the demo.
 * The places exist; their ties to Shandong in the demo are invented (every
 * synthetic proposal says so in its notes). Places that have a sourced tie
 * in `projections/reference/shandong-partnerships.ts` are left out so the
 * demo never invents a second, conflicting one. `regions` are first-tier
 * divisions, partners for the province itself.
 */
export interface CountryPlaces {
  cities: readonly string[];
  regions?: readonly string[];
}

export const PLACES: Readonly<Record<string, CountryPlaces>> = {
  // RCEP, outside ASEAN
  KR: {
    cities: [
      'Busan', 'Daegu', 'Daejeon', 'Gwangju', 'Ulsan', 'Sejong', 'Changwon', 'Gimhae', 'Jinju', 'Tongyeong',
      'Geoje', 'Yangsan', 'Miryang', 'Sacheon', 'Pohang', 'Gyeongju', 'Gumi', 'Andong', 'Gimcheon', 'Yeongju',
      'Yeongcheon', 'Sangju', 'Mungyeong', 'Gyeongsan', 'Cheonan', 'Asan', 'Gongju', 'Boryeong', 'Seosan', 'Nonsan',
      'Gyeryong', 'Dangjin', 'Cheongju', 'Chungju', 'Jecheon', 'Jeonju', 'Gunsan', 'Iksan', 'Jeongeup', 'Namwon',
      'Gimje', 'Mokpo', 'Yeosu', 'Suncheon', 'Naju', 'Gwangyang', 'Chuncheon', 'Wonju', 'Gangneung', 'Donghae',
      'Taebaek', 'Sokcho', 'Samcheok', 'Seongnam', 'Goyang', 'Yongin', 'Bucheon', 'Ansan', 'Anyang', 'Namyangju',
      'Hwaseong', 'Pyeongtaek', 'Uijeongbu', 'Siheung', 'Paju', 'Gimpo', 'Gwangmyeong', 'Gunpo', 'Hanam', 'Osan',
      'Icheon', 'Anseong', 'Uiwang', 'Yangju', 'Pocheon', 'Yeoju', 'Dongducheon', 'Gwacheon', 'Seogwipo', 'Jeju City',
      'Haenam County', 'Boseong County', 'Yeonggwang County', 'Wando County', 'Damyang County', 'Hwasun County',
      'Gochang County', 'Buan County', 'Taean County', 'Seocheon County', 'Yesan County', 'Hongseong County',
      'Okcheon County', 'Yeongdong County', 'Uljin County', 'Cheongdo County', 'Hapcheon County', 'Namhae County',
      'Hadong County', 'Yangyang County', 'Pyeongchang County', 'Hongcheon County', 'Gapyeong County',
    ],
    regions: ['Gyeongsangbuk-do', 'Gangwon-do'],
  },
  JP: {
    cities: [
      'Kitakyushu', 'Fukuoka', 'Kurume', 'Omuta', 'Nagasaki', 'Sasebo', 'Kumamoto', 'Oita', 'Beppu', 'Miyazaki',
      'Kagoshima', 'Hiroshima', 'Kure', 'Onomichi', 'Fukuyama', 'Okayama', 'Kurashiki', 'Matsue', 'Izumo', 'Tottori',
      'Yonago', 'Matsuyama', 'Imabari', 'Takamatsu', 'Tokushima', 'Kochi', 'Kobe', 'Himeji', 'Akashi', 'Nishinomiya',
      'Sakai', 'Higashiosaka', 'Toyonaka', 'Uji', 'Maizuru', 'Nara', 'Otsu', 'Hikone', 'Tsu', 'Yokkaichi',
      'Ise', 'Toyota', 'Okazaki', 'Gifu', 'Shizuoka', 'Hamamatsu', 'Numazu', 'Kofu', 'Matsumoto', 'Nagaoka',
      'Toyama', 'Takaoka', 'Kanazawa', 'Fukui', 'Tsuruga', 'Yokosuka', 'Sagamihara', 'Funabashi', 'Kashiwa', 'Kawagoe',
      'Utsunomiya', 'Maebashi', 'Takasaki', 'Mito', 'Tsukuba', 'Ishinomaki', 'Yamagata', 'Koriyama', 'Iwaki', 'Morioka',
      'Akita', 'Aomori', 'Hakodate', 'Asahikawa', 'Kushiro', 'Obihiro', 'Naha', 'Ube', 'Hofu', 'Iwakuni',
      'Hagi', 'Tanabe', 'Kainan', 'Hashimoto', 'Gobo',
    ],
    regions: ['Hyogo Prefecture', 'Shimane Prefecture', 'Tottori Prefecture', 'Ehime Prefecture', 'Kagawa Prefecture'],
  },
  AU: {
    cities: [
      'Perth', 'Melbourne', 'Sydney', 'Brisbane', 'Gold Coast', 'Newcastle', 'Wollongong', 'Geelong', 'Ballarat',
      'Bendigo', 'Townsville', 'Cairns', 'Darwin', 'Hobart', 'Launceston', 'Toowoomba', 'Rockhampton', 'Mackay',
      'Bunbury', 'Albany', 'Geraldton', 'Port Lincoln', 'Whyalla', 'Mount Gambier', 'Port Augusta', 'Dubbo',
      'Wagga Wagga', 'Orange', 'Shepparton', 'Mildura',
    ],
    regions: ['Western Australia', 'Queensland', 'Tasmania', 'Northern Territory'],
  },
  NZ: {
    cities: [
      'Auckland', 'Wellington', 'Christchurch', 'Hamilton', 'Napier', 'Hastings', 'Dunedin', 'Palmerston North',
      'Nelson', 'Rotorua', 'New Plymouth', 'Whangarei', 'Invercargill', 'Timaru', 'Whanganui', 'Queenstown', 'Blenheim',
    ],
    regions: ['Canterbury Region', 'Waikato Region'],
  },
  // ASEAN
  TH: {
    cities: [
      'Bangkok', 'Chiang Mai', 'Chiang Rai', 'Phuket', 'Khon Kaen', 'Udon Thani', 'Nakhon Ratchasima', 'Hat Yai',
      'Songkhla', 'Pattaya', 'Ayutthaya', 'Sukhothai', 'Lampang', 'Ubon Ratchathani', 'Surat Thani',
      'Nakhon Si Thammarat', 'Phitsanulok', 'Krabi', 'Hua Hin', 'Nan',
    ],
    regions: ['Rayong Province', 'Chachoengsao Province'],
  },
  VN: {
    cities: [
      'Hanoi', 'Ho Chi Minh City', 'Hai Phong', 'Da Nang', 'Can Tho', 'Hue', 'Nha Trang', 'Vung Tau', 'Quy Nhon',
      'Ha Long', 'Vinh', 'Nam Dinh', 'Thai Nguyen', 'Lao Cai', 'Bac Ninh', 'Buon Ma Thuot', 'Da Lat', 'Mong Cai',
    ],
    regions: ['Quang Ninh Province', 'Binh Duong Province', 'Dong Nai Province'],
  },
  MY: {
    cities: [
      'Kuala Lumpur', 'George Town', 'Johor Bahru', 'Ipoh', 'Kuching', 'Kota Kinabalu', 'Malacca City', 'Kuantan',
      'Seremban', 'Alor Setar', 'Shah Alam', 'Miri', 'Sibu',
    ],
    regions: ['State of Sabah', 'State of Johor'],
  },
  ID: {
    cities: [
      'Jakarta', 'Surabaya', 'Bandung', 'Medan', 'Semarang', 'Makassar', 'Palembang', 'Denpasar', 'Balikpapan',
      'Manado', 'Batam', 'Yogyakarta', 'Pontianak', 'Malang',
    ],
    regions: ['East Java Province', 'Central Java Province', 'North Sulawesi Province'],
  },
  KH: { cities: ['Phnom Penh', 'Siem Reap', 'Battambang', 'Kampot', 'Kep', 'Kampong Cham'] },
  MM: { cities: ['Yangon', 'Mandalay', 'Naypyidaw', 'Mawlamyine'] },
  PH: { cities: ['Cebu City', 'Manila', 'Quezon City', 'Iloilo City', 'Bacolod', 'Cagayan de Oro', 'Zamboanga City', 'Baguio'] },
  LA: { cities: ['Vientiane', 'Luang Prabang', 'Savannakhet', 'Pakse'] },
  SG: { cities: ['North East District', 'South West District'] },
  BN: { cities: ['Bandar Seri Begawan', 'Tutong District'] },
  // Belt and Road, outside ASEAN
  MN: {
    cities: ['Darkhan', 'Erdenet', 'Choibalsan', 'Khovd', 'Sainshand', 'Zamyn-Üd', 'Mörön', 'Ölgii', 'Sükhbaatar', 'Baruun-Urt', 'Dalanzadgad', 'Arvaikheer'],
    regions: ['Dornogovi Province', 'Selenge Province'],
  },
  TR: {
    cities: ['Istanbul', 'Izmir', 'Bursa', 'Antalya', 'Konya', 'Gaziantep', 'Kayseri', 'Mersin', 'Eskişehir', 'Trabzon', 'Samsun', 'Denizli', 'Kocaeli', 'Adana', 'Çanakkale', 'Edirne'],
  },
  IN: { cities: ['Mumbai', 'Chennai', 'Kolkata', 'Bengaluru', 'Hyderabad', 'Ahmedabad', 'Pune', 'Visakhapatnam', 'Kochi', 'Jaipur'] },
  PK: {
    cities: ['Lahore', 'Karachi', 'Islamabad', 'Faisalabad', 'Rawalpindi', 'Multan', 'Peshawar', 'Quetta', 'Gujranwala', 'Sialkot', 'Hyderabad'],
    regions: ['Sindh Province', 'Khyber Pakhtunkhwa Province'],
  },
  KZ: {
    cities: ['Almaty', 'Shymkent', 'Karaganda', 'Aktobe', 'Taraz', 'Pavlodar', 'Oskemen', 'Semey', 'Kostanay', 'Kyzylorda', 'Atyrau', 'Aktau', 'Petropavl', 'Turkistan', 'Taldykorgan', 'Ekibastuz'],
    regions: ['Almaty Region', 'East Kazakhstan Region', 'Mangystau Region'],
  },
  UZ: {
    cities: ['Tashkent', 'Bukhara', 'Khiva', 'Namangan', 'Andijan', 'Fergana', 'Nukus', 'Karshi', 'Termez', 'Jizzakh', 'Navoiy', 'Urgench'],
    regions: ['Tashkent Region', 'Fergana Region', 'Navoi Region'],
  },
  KG: { cities: ['Bishkek', 'Osh', 'Karakol', 'Jalal-Abad', 'Tokmok', 'Naryn'], regions: ['Issyk-Kul Region', 'Chuy Region'] },
  TJ: { cities: ['Dushanbe', 'Khujand', 'Kulob', 'Bokhtar'], regions: ['Sughd Region'] },
  TM: { cities: ['Ashgabat', 'Turkmenbashi', 'Mary', 'Turkmenabat'] },
  UA: {
    cities: ['Kyiv', 'Kharkiv', 'Odesa', 'Dnipro', 'Zaporizhzhia', 'Lviv', 'Mykolaiv', 'Kherson', 'Poltava', 'Chernihiv', 'Vinnytsia'],
    regions: ['Odesa Oblast', 'Mykolaiv Oblast'],
  },
  BY: {
    cities: ['Gomel', 'Mogilev', 'Vitebsk', 'Grodno', 'Brest', 'Bobruisk', 'Baranovichi', 'Borisov', 'Pinsk', 'Orsha', 'Soligorsk', 'Lida'],
    regions: ['Mogilev Region', 'Minsk Region'],
  },
  GE: { cities: ['Batumi', 'Kutaisi', 'Rustavi', 'Zugdidi', 'Gori', 'Poti', 'Telavi'], regions: ['Adjara', 'Kakheti'] },
  AZ: { cities: ['Ganja', 'Sumgait', 'Mingachevir', 'Lankaran', 'Shaki', 'Shamakhi'] },
  AM: { cities: ['Yerevan', 'Gyumri', 'Vanadzor', 'Vagharshapat', 'Dilijan'] },
  MD: { cities: ['Chișinău', 'Bălți', 'Cahul', 'Orhei'] },
  PL: {
    cities: ['Warsaw', 'Kraków', 'Łódź', 'Wrocław', 'Poznań', 'Gdańsk', 'Gdynia', 'Szczecin', 'Bydgoszcz', 'Lublin', 'Katowice', 'Białystok', 'Rzeszów', 'Toruń', 'Kielce'],
    regions: ['Łódź Voivodeship', 'Pomeranian Voivodeship', 'Lesser Poland Voivodeship'],
  },
  CZ: {
    cities: ['Prague', 'Brno', 'Ostrava', 'Plzeň', 'Liberec', 'Olomouc', 'České Budějovice', 'Hradec Králové', 'Pardubice', 'Zlín'],
    regions: ['South Moravian Region'],
  },
  HU: {
    cities: ['Budapest', 'Debrecen', 'Szeged', 'Miskolc', 'Pécs', 'Győr', 'Nyíregyháza', 'Kecskemét', 'Székesfehérvár', 'Szombathely', 'Sopron', 'Eger'],
    regions: ['Pest County', 'Hajdú-Bihar County'],
  },
  RS: {
    cities: ['Belgrade', 'Novi Sad', 'Niš', 'Kragujevac', 'Subotica', 'Smederevo', 'Zrenjanin', 'Pančevo', 'Čačak', 'Kraljevo', 'Šabac'],
    regions: ['Autonomous Province of Vojvodina'],
  },
  RO: { cities: ['Bucharest', 'Cluj-Napoca', 'Timișoara', 'Iași', 'Constanța', 'Craiova', 'Brașov', 'Galați', 'Ploiești', 'Oradea'], regions: ['Constanța County'] },
  BG: { cities: ['Sofia', 'Plovdiv', 'Varna', 'Burgas', 'Ruse', 'Stara Zagora', 'Pleven', 'Veliko Tarnovo', 'Dobrich'] },
  GR: {
    cities: ['Athens', 'Thessaloniki', 'Patras', 'Heraklion', 'Piraeus', 'Larissa', 'Volos', 'Ioannina', 'Kavala', 'Chania', 'Rhodes'],
    regions: ['Region of Crete', 'Region of Central Macedonia'],
  },
  CY: { cities: ['Limassol', 'Larnaca', 'Paphos', 'Nicosia'] },
  EG: {
    cities: ['Cairo', 'Alexandria', 'Giza', 'Port Said', 'Suez', 'Ismailia', 'Luxor', 'Aswan', 'Hurghada', 'Sharm El Sheikh', 'Mansoura', 'Tanta'],
    regions: ['Red Sea Governorate', 'Sharqia Governorate'],
  },
  IR: { cities: ['Tehran', 'Mashhad', 'Isfahan', 'Shiraz', 'Tabriz', 'Bandar Abbas', 'Kish', 'Yazd', 'Kerman'], regions: ['Gilan Province'] },
  IQ: { cities: ['Basra', 'Erbil', 'Baghdad'] },
  SY: { cities: ['Damascus', 'Aleppo', 'Latakia'] },
  JO: { cities: ['Amman', 'Aqaba', 'Irbid'] },
  LB: { cities: ['Beirut', 'Tripoli', 'Byblos', 'Sidon'] },
  PS: { cities: ['Bethlehem', 'Ramallah', 'Hebron'] },
  SA: { cities: ['Riyadh', 'Jeddah', 'Dammam', 'Jubail', 'Yanbu', 'Al Khobar', 'Taif'] },
  YE: { cities: ['Aden', "Sana'a", 'Mukalla'] },
  OM: { cities: ['Muscat', 'Sohar', 'Salalah', 'Duqm', 'Nizwa'] },
  AE: { cities: ['Dubai', 'Abu Dhabi', 'Sharjah', 'Ras Al Khaimah', 'Ajman', 'Fujairah', 'Al Ain'] },
  QA: { cities: ['Doha', 'Al Wakrah', 'Al Khor', 'Lusail'] },
  KW: { cities: ['Kuwait City', 'Al Ahmadi', 'Jahra'] },
  BH: { cities: ['Manama', 'Muharraq'] },
  BD: { cities: ['Dhaka', 'Chittagong', 'Khulna', 'Rajshahi', 'Sylhet'] },
  AF: { cities: ['Kabul', 'Herat', 'Mazar-i-Sharif'] },
  LK: { cities: ['Colombo', 'Kandy', 'Galle', 'Hambantota', 'Jaffna', 'Negombo'] },
  MV: { cities: ['Malé', 'Addu City'] },
  NP: { cities: ['Kathmandu', 'Pokhara', 'Lalitpur', 'Bhaktapur'] },
  LT: { cities: ['Vilnius', 'Kaunas', 'Klaipėda', 'Šiauliai'] },
  EE: { cities: ['Tallinn', 'Tartu', 'Pärnu'] },
  LV: { cities: ['Riga', 'Daugavpils', 'Liepāja', 'Jelgava'] },
  SK: { cities: ['Bratislava', 'Košice', 'Žilina', 'Nitra', 'Banská Bystrica'] },
  SI: { cities: ['Ljubljana', 'Maribor', 'Koper', 'Celje', 'Kranj'] },
  HR: { cities: ['Zagreb', 'Split', 'Rijeka', 'Dubrovnik', 'Osijek', 'Zadar'] },
  BA: { cities: ['Sarajevo', 'Banja Luka', 'Mostar', 'Tuzla'] },
  ME: { cities: ['Podgorica', 'Bar', 'Kotor', 'Budva'] },
  AL: { cities: ['Tirana', 'Durrës', 'Vlorë', 'Shkodër'] },
  MK: { cities: ['Skopje', 'Ohrid', 'Bitola', 'Kumanovo'] },
  IL: { cities: ['Tel Aviv-Yafo', 'Haifa', "Be'er Sheva", 'Ashdod', 'Netanya', 'Rishon LeZion', 'Herzliya', 'Petah Tikva', 'Eilat', 'Rehovot', "Ra'anana", 'Holon'] },
  RU: {
    cities: [
      'Vladivostok', 'Khabarovsk', 'Blagoveshchensk', 'Nakhodka', 'Ussuriysk', 'Yuzhno-Sakhalinsk', 'Irkutsk',
      'Ulan-Ude', 'Chita', 'Krasnoyarsk', 'Novosibirsk', 'Omsk', 'Barnaul', 'Kemerovo', 'Novokuznetsk', 'Tyumen',
      'Yekaterinburg', 'Chelyabinsk', 'Magnitogorsk', 'Ufa', 'Kazan', 'Naberezhnye Chelny', 'Samara', 'Tolyatti',
      'Saratov', 'Volgograd', 'Astrakhan', 'Rostov-on-Don', 'Krasnodar', 'Sochi', 'Novorossiysk', 'Stavropol',
      'Voronezh', 'Lipetsk', 'Kursk', 'Belgorod', 'Tula', 'Kaluga', 'Ryazan', 'Yaroslavl', 'Vladimir', 'Ivanovo',
      'Kostroma', 'Tver', 'Smolensk', 'Pskov', 'Kaliningrad', 'Saint Petersburg', 'Murmansk', 'Arkhangelsk',
      'Petrozavodsk', 'Cheboksary', 'Izhevsk', 'Kirov', 'Penza', 'Ulyanovsk', 'Kolomna', 'Podolsk', 'Dmitrov', 'Suzdal',
    ],
    regions: [
      'Primorsky Krai', 'Khabarovsk Krai', 'Amur Oblast', 'Novosibirsk Oblast', 'Sverdlovsk Oblast', 'Irkutsk Oblast',
      'Republic of Bashkortostan', 'Samara Oblast',
    ],
  },
  // Elsewhere
  US: {
    cities: [
      'Seattle', 'Tacoma', 'Portland', 'Spokane', 'Boise', 'Salt Lake City', 'Denver', 'Phoenix', 'Tucson',
      'Albuquerque', 'Oklahoma City', 'Tulsa', 'Kansas City', 'Omaha', 'Des Moines', 'Minneapolis', 'Saint Paul',
      'Milwaukee', 'Madison', 'Chicago', 'Peoria', 'Indianapolis', 'Columbus', 'Cleveland', 'Toledo', 'Detroit',
      'Lansing', 'Louisville', 'Lexington', 'Nashville', 'Memphis', 'Atlanta', 'Savannah', 'Charlotte', 'Raleigh',
      'Richmond', 'Norfolk', 'Baltimore', 'Pittsburgh', 'Philadelphia', 'Newark', 'Hartford', 'Providence', 'Boston',
      'Worcester', 'Buffalo', 'Rochester', 'Houston', 'San Antonio', 'Austin', 'El Paso', 'New Orleans',
      'Birmingham', 'Jacksonville', 'Tampa', 'Riverside', 'Fresno', 'Oakland', 'San Jose', 'Honolulu', 'Anchorage',
    ],
    regions: ['Oregon', 'Iowa', 'Michigan', 'Ohio', 'Wisconsin'],
  },
  DE: {
    cities: [
      'Augsburg', 'Munich', 'Nuremberg', 'Würzburg', 'Ingolstadt', 'Bamberg', 'Bayreuth', 'Passau', 'Erlangen',
      'Fürth', 'Kempten', 'Heidelberg', 'Karlsruhe', 'Stuttgart', 'Ulm', 'Freiburg im Breisgau', 'Mainz',
      'Wiesbaden', 'Kassel', 'Darmstadt', 'Bremen', 'Bremerhaven', 'Kiel', 'Lübeck', 'Rostock', 'Hanover',
      'Brunswick', 'Göttingen', 'Düsseldorf', 'Duisburg', 'Essen', 'Dortmund', 'Münster', 'Bielefeld', 'Aachen',
      'Bonn', 'Leipzig', 'Dresden', 'Chemnitz', 'Magdeburg', 'Erfurt', 'Jena', 'Potsdam',
    ],
    regions: ['Free State of Saxony', 'Rhineland-Palatinate', 'Schleswig-Holstein'],
  },
  GB: {
    cities: [
      'Birmingham', 'Manchester', 'Liverpool', 'Leeds', 'Sheffield', 'Bristol', 'Nottingham', 'Leicester', 'Cardiff',
      'Swansea', 'Edinburgh', 'Glasgow', 'Aberdeen', 'Dundee', 'Belfast', 'Southampton', 'Plymouth', 'Hull',
      'Newcastle upon Tyne', 'Norwich', 'Oxford', 'Cambridge',
    ],
  },
  FR: {
    cities: [
      'Lyon', 'Marseille', 'Toulouse', 'Nice', 'Nantes', 'Strasbourg', 'Montpellier', 'Bordeaux', 'Lille', 'Rennes',
      'Reims', 'Le Havre', 'Saint-Étienne', 'Toulon', 'Grenoble', 'Dijon', 'Angers', 'Nîmes', 'Clermont-Ferrand',
      'Le Mans', 'Aix-en-Provence', 'Brest', 'Tours', 'Amiens', 'Limoges', 'Metz', 'Besançon', 'Orléans', 'Rouen', 'Caen',
    ],
    regions: ['Normandy', 'Brittany', 'Pays de la Loire'],
  },
  IT: {
    cities: [
      'Milan', 'Turin', 'Genoa', 'Bologna', 'Florence', 'Venice', 'Verona', 'Padua', 'Trieste', 'Naples', 'Bari',
      'Palermo', 'Catania', 'Cagliari', 'Perugia', 'Ancona', 'Pesaro', 'Parma', 'Modena', 'Reggio Emilia',
      'Ravenna', 'Rimini', 'Brescia', 'Bergamo', 'Lucca', 'Siena', 'Pisa',
    ],
    regions: ['Lombardy', 'Veneto', 'Emilia-Romagna', 'Marche'],
  },
  ES: {
    cities: ['Barcelona', 'Valencia', 'Seville', 'Zaragoza', 'Málaga', 'Murcia', 'Palma', 'Bilbao', 'Alicante', 'Córdoba', 'Valladolid', 'Vigo', 'Gijón', 'A Coruña', 'Granada', 'Santander', 'Toledo'],
    regions: ['Galicia', 'Andalusia'],
  },
  NL: { cities: ['Rotterdam', 'Amsterdam', 'The Hague', 'Utrecht', 'Eindhoven', 'Groningen', 'Tilburg', 'Almere', 'Breda', 'Nijmegen', 'Venlo'] },
  BE: { cities: ['Antwerp', 'Ghent', 'Bruges', 'Liège', 'Leuven', 'Mons', 'Namur', 'Charleroi'] },
  SE: { cities: ['Gothenburg', 'Malmö', 'Uppsala', 'Västerås', 'Örebro', 'Linköping', 'Helsingborg', 'Jönköping'] },
  FI: { cities: ['Espoo', 'Tampere', 'Vantaa', 'Oulu', 'Turku', 'Jyväskylä', 'Lahti', 'Kuopio'] },
  IE: { cities: ['Cork', 'Limerick', 'Galway', 'Waterford'] },
  CH: { cities: ['Zurich', 'Geneva', 'Basel', 'Lausanne', 'Lucerne', 'St. Gallen'] },
  AT: { cities: ['Linz', 'Graz', 'Salzburg', 'Innsbruck', 'Klagenfurt', 'Villach', 'Wels', 'Steyr'], regions: ['Styria', 'Carinthia'] },
  CA: {
    cities: ['Toronto', 'Montreal', 'Vancouver', 'Calgary', 'Edmonton', 'Ottawa', 'Winnipeg', 'Quebec City', 'Hamilton', 'Halifax', 'Victoria', 'Saskatoon', 'Regina', 'Kitchener', 'Windsor', 'Richmond'],
    regions: ['Ontario', 'Alberta', 'Saskatchewan', 'Manitoba'],
  },
  MX: { cities: ['Guadalajara', 'Monterrey', 'Puebla', 'Tijuana', 'León', 'Querétaro', 'Mérida', 'Veracruz', 'Manzanillo', 'Cancún'], regions: ['Jalisco', 'Nuevo León'] },
  BR: {
    cities: ['Rio de Janeiro', 'Belo Horizonte', 'Curitiba', 'Porto Alegre', 'Salvador', 'Recife', 'Fortaleza', 'Manaus', 'Belém', 'Goiânia', 'Campinas', 'Santos', 'Florianópolis', 'Vitória'],
    regions: ['Paraná State', 'Santa Catarina State', 'Rio Grande do Sul State'],
  },
  AR: { cities: ['Buenos Aires', 'Córdoba', 'Rosario', 'Mendoza', 'La Plata', 'Mar del Plata', 'Salta'], regions: ['Mendoza Province'] },
  CL: { cities: ['Santiago', 'Valparaíso', 'Concepción', 'Antofagasta', 'Viña del Mar', 'Temuco'], regions: ['Biobío Region'] },
  PE: { cities: ['Lima', 'Arequipa', 'Trujillo', 'Callao', 'Cusco'] },
  ZA: {
    cities: ['Johannesburg', 'Durban', 'Pretoria', 'Nelson Mandela Bay', 'Bloemfontein', 'East London', 'Pietermaritzburg', 'Polokwane'],
    regions: ['Gauteng', 'KwaZulu-Natal', 'Eastern Cape'],
  },
  SN: { cities: ['Dakar', 'Thiès', 'Saint-Louis', 'Ziguinchor', 'Kaolack'] },
  DJ: { cities: ['Djibouti City', 'Tadjourah', 'Ali Sabieh'] },
  KE: { cities: ['Nairobi', 'Mombasa', 'Kisumu', 'Nakuru', 'Eldoret'], regions: ['Kiambu County'] },
  TZ: { cities: ['Dar es Salaam', 'Dodoma', 'Zanzibar City', 'Arusha', 'Mwanza'] },
  NG: { cities: ['Lagos', 'Abuja', 'Kano', 'Ibadan', 'Port Harcourt'] },
  ET: { cities: ['Addis Ababa', 'Dire Dawa', 'Bahir Dar', 'Hawassa'] },
  MA: { cities: ['Casablanca', 'Rabat', 'Tangier', 'Marrakesh', 'Agadir'] },
  GH: { cities: ['Accra', 'Kumasi', 'Tema', 'Takoradi'] },
};
