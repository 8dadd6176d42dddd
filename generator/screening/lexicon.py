"""The words the detectors anchor on, in the languages of EGI's participants: data only.

Every entry is a regular expression fragment written in its natural spelling, lower case; the
detectors fold it exactly as they fold ticket text (``normalise.fold_char``: accents dropped,
look-alikes folded), so ``lösenord`` also matches ``LOSENORD`` and ``lösenord`` written with a
Cyrillic ``о``. Inflected forms are listed where a language inflects the word that matters.
Adding a language means adding its words here; no detector changes.
"""

from __future__ import annotations

# --- credentials ------------------------------------------------------------------------------

#: a word that names a secret made of words: after it and its verb, a phrase is the value
PASSPHRASE_WORDS = (
    r"pass-?phrases?|phrases? de passe|phrases? secrètes?|frases? segret[ae]|frases? secretas?|"
    r"frases? de contraseña|frases?-passe|wachtzin(?:nen)?|heslov(?:á|é) fráze|hasło-fraza|"
    r"tunnuslause(?:eni|esi|en|et|tta|ella|eksi)?|lösenfras(?:en)?|passfrase(?:n)?|adgangsfrase(?:n)?|"
    r"jelmondat(?:om|ot)?|paroolifraas(?:i)?|přístupová fráze|φράση πρόσβασης|frasa sandi|"
    r"passordfrase(?:n)?|adgangssætning(?:en)?|lösenordsfras(?:en)?|salasanalause(?:ke)?|wachtwoordzin"
)
#: a word that names a password or passphrase (the value may follow it)
PASSWORD_WORDS = (
    PASSPHRASE_WORDS,
    # en, with the usual abbreviations
    r"pass(?:word|wd|phrase|code|key)s?|pwd|passwd|pw|app[- ]password|pin-?code|"
    r"wi-?fi[- ](?:key|password|code)|wpa[- ]?(?:key|psk)|network key|access code|meeting (?:password|code)|"
    # an SNMP community is the password of a switch ("Community-streng for read-write er: ...")
    r"(?:snmp[- ])?communit(?:y|ies)[- ]?(?:string|strings|streng|strengen|sträng|strängen|zeichenkette|chaîne|stringa|cadena)|"
    r"snmp[- ]communit(?:y|ies)|(?:rw|ro|read-write|read-only) community",
    # de
    r"passw(?:ort|örter|ortes)|kennw(?:ort|örter|ortes)|app-passwort|zugangscode|kenncode|wlan-schlüssel",
    # fr, it, es, pt, ca
    r"mot(?:s)? de passe|mdp|code d'accès|code pin|parola d'ordine|"
    r"codice (?:di accesso|pin)|contrase(?:ñ|n)as?|clave de acceso|palavras?-passe|senhas?|"
    r"c(?:ó|o)digo de acesso|contrasenya|contrasinal|contrasinais",
    # eu: the word takes its case endings ("pasahitza", "pasahitzak", "pasahitzarekin")
    r"pasahitz(?:a|ak|ik|aren|arekin|ea|eak)?|sarbide[- ]kode(?:a)?",
    # nl, scandinavian, fi, et
    r"wachtwoord(?:en)?|toegangscode|l(?:ö|o)senord(?:et|en)?|passord(?:et)?|adgangskode(?:n|r)?|"
    r"kodeord(?:et)?|salasana(?:n|si|ksi|t)?|tunnussana|parool(?:i|id)?|salas(?:õ|o)na",
    # agglutinative languages: a password word takes case and possessive endings ("salasanani",
    # "salasanallasi", "parooliks", "jelszavam", "şifreniz"), listed by stem
    r"salasan(?:a|an|at|aa|ani|asi|amme|anne|ansa|aksi|akseni|aksesi|alla|allani|allasi|alle|asta|oja|oilla|"
    r"ojen|oille|asanne|asamme)|tunnussan(?:a|an|ani|asi|aksi|alla)|"
    r"parool(?:iks|iga|ist|ile|il|ina|ide|e|ike|id|i)|salas(?:õ|o)n(?:a|aks|aga|ast|ale|al|u)|"
    r"jelsz(?:avam|avad|ava|avát|avamat|avadat|avunk|avuk|avával|óval|ót|ó|avak|avakat|avaink|avaid|avaikat)|"
    r"(?:ş|s)ifre(?:m|n|si|niz|miz|mi|ni|yi|ye|yle|sini|nizi|mizi|niz[ie]|nizin|min|leri|lerim|leriniz)?",
    # he: with the article and the particles written onto the word
    r"(?:ה|ו|ב|ל|וה|בה|לה|של)סיסמ(?:ה|א|ת|ות)",
    # pl, cs, sk, sl, hr, sr, bs (latin)
    r"has(?:ł|l)(?:o|a|em|u)|heslo|hesla|heslem|hesl(?:u|o)|lozink(?:a|u|e|om)|geslo|gesla|geslom|"
    r"šifr(?:a|u)",
    # hu, ro, lt, lv, tr, sq, is, mt
    r"jelsz(?:ó|o|ót|ava|avam|avát|avad)|parol(?:a|ă|e|ei|ele|ă)|slapta(?:ž|z)od(?:is|į|i|žio|zio)|"
    r"parole|paroli|şifre(?:si|niz|n|m)?|sifre(?:si|niz|n|m)?|fjal(?:ë|e)kalim(?:i|in|it|e|et)?|lykilor(?:ð|d)(?:ið|id|inu|sins|s)?|"
    r"password tiegħek|verb(?:um|a) arcan(?:um|a)|sign(?:um|a) arcan(?:um|a)",
    # el, cyrillic (ru, uk, bg, sr, mk, be)
    r"κωδικ(?:ός|ό|ού|οί) (?:πρόσβασης|χρήστη|εισόδου)|συνθηματικ(?:ό|ού)|κωδικ(?:ός|ό|ού|οί|ούς) (?:μου|σου|σας|μας)|"
    r"парол(?:ь|я|ем|ю|і|ата|а|и|от)|лозинк(?:а|у|е|ата|ом)|шифр(?:а|у)|пин-?код",
    # he, ka, hy
    r"סיסמ(?:ה|א|ת|ות)|პაროლ(?:ი|ის|ია)|գաղտնաբառ(?:ը|ի|ն|ով)?",
    # ar, ga
    r"كلمة المرور|كلمة السر|كلمة مرور|رمز المرور|pasfhocal|phasfhocal|focal faire",
    # the words above as people type them in Latin letters, on keyboards without their script
    # ("parolata e ...", "o kodikos einai ...", "ha-sisma hi ...", "gaghtnabary ..."), and a
    # missing 'ñ' typed as "ni" ("contrasenia")
    r"parol|parolya|parolyu|parolem|parolata|parolite|parolʹ|lozinkata|lozinkite|lozinke|shifr(?:a|u|ata)|"
    r"kodik(?:os|o|ou|oi) (?:prosvasis|prosvasēs|prosbasis|prosvasis mou|xristi|christi|eisodou|isodou|"
    r"mou|sou|sas|mas)|s[iy]nth[iy]matik(?:o|ou)|"
    r"ha-?sisma|ha sisma|sismat|sisma'ot|sismaot|hasismah|"
    r"gh?aght?nabar(?:[yiəe]|ov)?|gaxtnabar(?:[yiəe])?|gakhtnabar(?:[yiəe])?|"
    r"kalimat (?:al-?|el-?)?(?:sirr|sir|murur|mroor|mrour)|kelmet (?:el-?)?(?:ser|sirr|murur)|"
    r"contraseni?as?|contrasenha",
    # what a login pair is called: the value after them is the pair, or the password
    r"login details|access details|login credentials|credentials|creds|user/pw|user/pass|zugangsdaten|"
    r"anmeldedaten|identifiants|credenziali|credenciales|credenciais|dane logowania|dane dostępowe|"
    r"přihlašovací údaje|prihlasovacie údaje|inloggegevens|inloggningsuppgifter|loginoplysninger|"
    r"innloggingsdetaljer|tunnukset|kirjautumistiedot|hozzáférési adatok|belépési adatok|"
    r"date de autentificare|prisijungimo duomenys|piekļuves dati|sisselogimisandmed|pristupni podaci|"
    r"podatki za prijavo|данни за вход|данные для входа|дані для входу|pristupni podaci|giriş bilgileri|"
    r"στοιχεία πρόσβασης|פרטי התחברות|פרטי הגישה",
)
#: spelling alphabets (NATO and the national ones) and digit names: a password dictated after a
#: password word is a run of these ("Alpha Bravo Seven Kilo", "Anton Berta Cäsar")
SPELLING_WORDS = (
    r"alpha|alfa|bravo|charlie|delta|echo|foxtrot|golf|hotel|india|juliet|juliett|kilo|lima|mike|"
    r"november|oscar|papa|quebec|romeo|sierra|tango|uniform|victor|whiskey|whisky|x-ray|xray|yankee|"
    r"zulu|zero|one|two|three|four|five|six|seven|eight|nine|niner|capital|uppercase|lowercase|small|"
    r"anton|berta|cäsar|caesar|charlotte|dora|emil|friedrich|gustav|heinrich|ida|julius|kaufmann|"
    r"konrad|ludwig|martha|marta|nordpol|otto|paula|quelle|richard|samuel|siegfried|theodor|ulrich|"
    r"viktor|wilhelm|xanthippe|ypsilon|zacharias|zeppelin|aachen|berlin|chemnitz|düsseldorf|essen|"
    r"frankfurt|goslar|hamburg|ingelheim|jena|köln|leipzig|münchen|nürnberg|offenbach|potsdam|"
    r"salzwedel|tübingen|unna|völklingen|wuppertal|zwickau|null|eins|zwei|zwo|drei|vier|fünf|sechs|"
    r"sieben|acht|neun|un|une|six|dix|anatole|berthe|célestin|désiré|eugène|émile|françois|gaston|henri|irma|"
    r"joseph|kléber|louis|marcel|nicolas|pierre|quintal|raoul|suzanne|thérèse|ursule|william|"
    r"xavier|yvonne|zoé|zéro|deux|trois|quatre|cinq|sept|huit|neuf|ancona|bologna|como|domodossola|"
    r"empoli|firenze|genova|imola|livorno|milano|napoli|otranto|padova|quarto|roma|savona|torino|"
    r"udine|venezia|zara|antonio|barcelona|carmen|dolores|enrique|francia|gerona|historia|inés|josé|"
    r"lorenzo|madrid|navarra|oviedo|parís|querido|ramón|sábado|tarragona|ulises|valencia|washington|"
    r"xilófono|yegua|zaragoza|bernard|cornelis|dirk|eduard|ferdinand|gerard|hendrik|izaak|johan|"
    r"karel|lodewijk|maria|nico|pieter|simon|theodoor|utrecht|willem|xantippe|zaandam|adam|"
    r"barbara|celina|dorota|ewa|franciszek|grażyna|henryk|irena|józef|karol|leon|łukasz|maciek|"
    r"natalia|olga|paweł|roman|stefan|tadeusz|urszula|wacław|zygmunt|adolf|božena|cyril|david|"
    r"františek|helena|ivan|josef|kamil|ludvík|marie|norbert|oto|petr|quido|rudolf|svatopluk|tomáš|"
    r"václav|xaver|zuzana|anna|bertil|cesar|david|erik|filip|gustav|helge|ivar|johan|kalle|ludvig|"
    r"martin|niklas|olof|petter|qvintus|rudolf|sigurd|tore|urban|viktor|wilhelm|yngve|zäta|"
    r"антон|борис|василий|григорий|дмитрий|елена|женя|зинаида|иван|константин|леонид|михаил|николай|"
    r"ольга|павел|роман|семён|татьяна|ульяна|фёдор|харитон|цапля|человек|шура|щука|эхо|юрий|яков|"
    r"άλφα|βήτα|γάμμα|δέλτα|έψιλον|ζήτα|ήτα|θήτα|ιώτα|κάπα|λάμδα|μι|νι|ξι|όμικρον|πι|ρο|σίγμα|"
    r"ταυ|ύψιλον|φι|χι|ψι|ωμέγα|"
    # a letter's case, as a dictated password says it ("velké Q, malé x")
    r"upper|lower|capital letter|small letter|großes|grosses|groß|gross|kleines|klein|majuscule|minuscule|"
    r"maiuscola|minuscola|maiuscolo|minuscolo|mayúscula|minúscula|maiúscula|minúscula|hoofdletter|"
    r"duże|duza|duże litera|małe|male|wielka|mała|mala|velké|velke|malé|veľké|velka|velika|mala|"
    r"nagy|kis|iso|pieni|stor|stort|liten|litet|lille|κεφαλαίο|μικρό|большая|большое|маленькая|"
    r"заглавная|строчная|велика|мала|главна|главно|mare|mic|büyük|küçük|"
    # digit names of EGI's languages
    r"nula|jedna|jeden|dva|dvě|tři|čtyři|pět|šest|sedm|osm|devět|tri|štyri|päť|šesť|sedem|osem|deväť|"
    r"dwa|trzy|cztery|pięć|sześć|siedem|osiem|dziewięć|uno|due|tre|quattro|cinque|sei|sette|otto|nove|"
    r"cero|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|um|dois|três|sete|oito|nul|een|twee|drie|vier|"
    r"vijf|zes|zeven|negen|nulla|egy|kettő|három|négy|öt|hat|hét|nyolc|kilenc|nolla|yksi|kaksi|kolme|"
    r"neljä|viisi|kuusi|seitsemän|kahdeksan|yhdeksän|noll|ett|två|fyra|fem|sju|åtta|nio|unu|doi|trei|"
    r"patru|cinci|șase|șapte|opt|nouă|μηδέν|ένα|δύο|τρία|τέσσερα|πέντε|έξι|επτά|οκτώ|εννέα|ноль|один|"
    r"два|три|четыре|пять|шесть|семь|восемь|девять|jedan|četiri|pet|šest|sedam|osam|devet|sıfır|bir|"
    r"iki|üç|dört|beş|altı|yedi|sekiz|dokuz|"
    # the signs a password holds, by name
    r"exclamation mark|exclamation point|question mark|hash sign|dollar sign|underscore|hyphen|"
    r"ausrufezeichen|fragezeichen|unterstrich|bindestrich|raute|point d'exclamation|tiret bas|dièse|"
    r"punto esclamativo|trattino basso|cancelletto|signo de exclamación|guion bajo|almohadilla|"
    r"ponto de exclamação|uitroepteken|liggend streepje|wykrzyknik|podkreślnik|vykřičník|vykricnik|"
    r"podtržítko|mřížka|výkričník|felkiáltójel|alsóvonás|huutomerkki|alaviiva|utropstegn|utropstecken|"
    r"θαυμαστικό|восклицательный знак|подчёркивание|знак оклику|uskličnik|klicaj|ünlem|alt çizgi|"
    r"dolar|dollar|tečka|tecka|bodka|kropka|punkt|punto|point|dot|comma|čárka|pomlčka|"
    r"hvězdička|asterisk|sternchen|astérisque|asterisco"
)
#: words of a password's recipe: how to make it from public facts ("the VO name in capitals
#: followed by 2026!", "der Sitename rückwärts geschrieben"): the recipe is the password
RECIPE_WORDS = (
    r"followed by|reversed|backwards|spelled backwards|in reverse|in capitals|in upper case|"
    r"gefolgt von|rückwärts|ruckwarts|umgekehrt|in großbuchstaben|suivi de|suivie de|à l'envers|"
    r"en majuscules|seguito da|seguita da|al contrario|al rovescio|in maiuscolo|seguido de|seguida de|"
    r"al revés|en mayúsculas|ao contrário|de trás para a frente|em maiúsculas|gevolgd door|"
    r"achterstevoren|omgekeerd|in hoofdletters|a następnie|pisane od tyłu|od tyłu|wielkimi literami|"
    r"pozpátku|obráceně|velkými písmeny|odzadu|veľkými písmenami|majd utána|visszafelé|nagybetűvel|"
    r"perässä|takaperin|isoilla kirjaimilla|följt av|baklänges|med versaler|etterfulgt av|baklengs|"
    r"efterfulgt af|baglæns|urmat de|invers|cu majuscule|ακολουθούμενο από|ανάποδα|κεφαλαία|"
    r"за которым следует|задом наперёд|задом наперед|заглавными буквами|навпаки|великими літерами|"
    r"unatrag|obrnuto|velikim slovima|nazaj|z velikimi črkami|ardından|tersten|büyük harflerle"
)
#: words that announce a token or a key: what follows them is a secret if it looks like one (a
#: plain word after them is prose: "the token expires in an hour")
TOKEN_WORDS = (
    r"token|api[- ]?key|apikey|access[- ]key|secret[- ]key|secret|client[- ]secret|refresh[- ]token|"
    r"access[- ]token|bearer[- ]token|auth[- ]token|private[- ]token|personal access token|pat|app[- ]token|"
    r"otp seed|totp seed|totp|seed|recovery code|backup code|jeton|zugangstoken|schlüssel|clé|chiave|clave|"
    r"klucz|sleutel|nyckel|nøgle|nøkkel|avain|kulcs|ključ|cheie|raktas|atslēga|võti|anahtar|ключ|токен|"
    r"κλειδί|מפתח|טוקן|"
    # the API's key in EGI's languages, the API named first and joined ("API-Schlüssel", "clé API")
    r"api-schlüssel|api-schluessel|api-sleutel|clé api|clé d'api|chiave api|clave api|clave de api|chave api|"
    r"chave de api|klucz api|api klíč|api kľúč|api-nøgle|api-nøkkel|api-nyckel|api-avain|api-kulcs|api kulcs|"
    r"cheie api|κλειδί api|api-ключ|api ключ|ключ api|api anahtarı"
)

#: words that name a password only when a colon or '=' follows them at once ("PIN: 4829", "pw: x"):
#: otherwise they are ordinary words ("pin the image", "ο κωδικός του έργου", "la clave del éxito")
SHORT_PASSWORD_WORDS = (
    r"pin|puk|pw|pass|code|key|κωδικός|κωδικό|código|codice|kod|kód|koodi|kods|clave|chiave|schlüssel|"
    r"clé|sleutel|nyckel|nøgle|avain|kulcs|klucz|ključ|cheie|raktas|atslēga|võti|anahtar|ключ|код|"
    r"κλειδί|מפתח|გასაღები|բանալի"
)

#: a wireless network, a guest network: a "key" or a "code" said of one in its sentence is the
#: network's password ("Guest Wi-Fi is LabGuest and the key is tulip-Orbit-6631")
WIFI_WORDS = (
    r"wi-?fi|wlan|wireless|ssid|hotspot|guest network|guest wi-?fi|wi-?fi-netz|wlan-netz|gastnetz|"
    r"gäste-wlan|gast-wlan|gastzugang|réseau wi-?fi|réseau invité|réseau sans fil|rete wi-?fi|rete ospiti|"
    r"rete wireless|red wi-?fi|red de invitados|red inalámbrica|rede wi-?fi|rede de convidados|rede sem fios|"
    r"gastnetwerk|draadloos netwerk|sieć wi-?fi|sieci wi-?fi|sieć gościnna|sieci gościnnej|síť wi-?fi|sítě wi-?fi|"
    r"bezdrátová síť|sieť wi-?fi|vendég wifi|vendéghálózat|rețea wi-?fi|rețeaua wi-?fi|rețeaua de oaspeți|"
    r"vierasverkko|vierasverkon|langaton verkko|langattoman verkon|gästnätverk|gästnätverket|gæstenetværk|"
    r"gæstenetværket|gjestenettverk|gjestenettverket|trådløst nett|trådløst netværk|trådlöst nätverk|"
    r"ασύρματο δίκτυο|ασύρματου δικτύου|безжична мрежа|безжичната мрежа|беспроводная сеть|бездротова мережа|"
    r"misafir ağı|kablosuz ağ|külaliste võrk|traadita võrk|viesu tīkls|bezvadu tīkls|svečių tinklas|"
    r"belaidis tinklas|bežična mreža|mreža za goste|brezžično omrežje|omrežje za goste"
)
#: what a network's password is called beside "password" ("the key", "der Schlüssel", "la clé")
WIFI_KEY_WORDS = (
    r"key|network key|security key|schlüssel|netzwerkschlüssel|clé|clé de sécurité|clé réseau|clé wpa|chiave|"
    r"chiave di rete|clave|clave de red|chave|chave de rede|sleutel|netwerksleutel|beveiligingssleutel|klucz|"
    r"klucz sieci|klucz zabezpieczeń|klíč|klíč sítě|kľúč|kulcs|kulcsa|hálózati kulcs|biztonsági kulcs|cheie|cheia|"
    r"cheia de securitate|avain|verkkoavain|salausavain|nyckel|nyckeln|nätverksnyckel|säkerhetsnyckel|nøgle|"
    r"nøglen|netværksnøgle|nøkkel|nøkkelen|nettverksnøkkel|κλειδί|κλειδί δικτύου|ключ|ключът|ключ сети|"
    r"ключ мережі|ключ за мрежата|anahtar|anahtarı|ağ anahtarı|güvenlik anahtarı|võti|võrguvõti|atslēga|"
    r"tīkla atslēga|raktas|tinklo raktas|ključ|mrežni ključ|varnostni ključ|code|kode|koden|kod|koodi|kood|"
    r"cod|codul|codice|código|kód|wpa key|wpa2 key|psk|pre-shared key"
)
#: a security question, or the question itself: its answer after a dash, a colon or a verb is a
#: secret of the account ("Pregunta de seguridad: nombre de mi primera mascota – Rocky")
SECURITY_QUESTIONS = (
    r"security question|secret question|security answer|sicherheitsfrage|sicherheitsantwort|"
    r"question de sécurité|question secrète|réponse secrète|domanda di sicurezza|domanda segreta|"
    r"pregunta de seguridad|pregunta secreta|respuesta secreta|pergunta de segurança|pergunta secreta|"
    r"beveiligingsvraag|geheime vraag|pytanie bezpieczeństwa|pytanie pomocnicze|bezpečnostní otázka|"
    r"kontrolní otázka|bezpečnostná otázka|biztonsági kérdés|turvakysymys|säkerhetsfråga|"
    r"sikkerhedsspørgsmål|sikkerhetsspørsmål|întrebare de securitate|întrebarea de securitate|"
    r"güvenlik sorusu|ερώτηση ασφαλείας|секретный вопрос|контрольный вопрос|контрольне питання|"
    r"mother's maiden name|mothers maiden name|maiden name|first pet|first pet's name|"
    r"mädchenname der mutter|geburtsname der mutter|erstes haustier|nom de jeune fille de ma mère|"
    r"premier animal|primera mascota|primer mascota|nombre de soltera de mi madre|primo animale|"
    r"primeiro animal|eerste huisdier|pierwszego zwierzaka|pierwsze zwierzę|první mazlíček|első háziállat"
)
#: an account's recovery, reset or verification, or its login, in EGI's languages: "code" with six
#: digits on the same line (a subject: "Re: recuperação da conta – código 731 904 não funciona") is the
#: account's one-time code
ACCOUNT_RECOVERY_WORDS = (
    r"account recovery|recover my account|recovery|password reset|reset|verification|verify|sign-in|sign in|"
    r"login|log-in|log in|one-time|one time|otp|2fa|mfa|two-factor|"
    r"kontowiederherstellung|wiederherstellung|passwort zurücksetzen|zurücksetzen|bestätigung|verifizierung|anmeldung|"
    r"récupération|récupération du compte|réinitialisation|vérification|connexion|recupero|recupero account|"
    r"reimpostazione|verifica|accesso|recuperación|recuperación de cuenta|restablecimiento|verificación|"
    r"inicio de sesión|recuperação|recuperação da conta|redefinição|verificação|acesso|herstel|accountherstel|"
    r"wachtwoordherstel|verificatie|inloggen|odzyskiwanie|odzyskiwania|odzyskanie|resetowanie|weryfikacja|"
    r"weryfikacji|logowanie|logowania|obnovení|obnovenie|ověření|overenie|přihlášení|prihlásenie|"
    r"helyreállítás|visszaállítás|ellenőrzés|ellenőrző|bejelentkezés|recuperare|recuperarea|resetare|verificare|"
    r"autentificare|palautus|palautuskoodi|tilin palautus|vahvistus|vahvistuskoodi|kirjautuminen|återställning|"
    r"återställa|verifiering|inloggning|gendannelse|nulstilling|bekræftelse|login|gjenoppretting|tilbakestilling|"
    r"bekreftelse|pålogging|ανάκτηση|επαλήθευση|σύνδεση|възстановяване|потвърждение|вход|oporavak|obnova|"
    r"provjera|verifikacija|prijava|obnovitev|preverjanje|kurtarma|sıfırlama|doğrulama|giriş|taastamine|"
    r"kinnitus|sisselogimine|atkopšana|verifikācija|pieteikšanās|atkūrimas|patvirtinimas|prisijungimas"
)
#: a wallet's or a key's recovery words: the words after it are the key
RECOVERY_PHRASES = (
    r"recovery phrase|secret recovery phrase|seed phrase|seed words|mnemonic|mnemonic phrase|backup phrase|"
    r"recovery words|wallet seed|herstelzin|herstelwoorden|wiederherstellungsphrase|seed-phrase|"
    r"phrase de récupération|phrase secrète de récupération|frase de recuperación|frase semilla|"
    r"frase di recupero|frase de recuperação|fraza odzyskiwania|obnovovací fráze|helyreállítási kifejezés|"
    r"palautuslauseke|återställningsfras|gendannelsessætning|gjenopprettingsfrase"
)


#: a PIN and its compounds in EGI's languages: a run of 4 to 8 digits shortly after one is the PIN
PIN_WORDS = (
    r"pin|pins|pin[- ]?code|pin[- ]?kode|pin[- ]?koodi|pin[- ]?kod|pin[- ]?kód|pin[- ]?kodu|pin[- ]?kods|pin[- ]?kodas|pin[- ]?nummer|"
    r"pin[- ]?number|pin[- ]?nr|pin[- ]?numero|pin[- ]?número|pin[- ]?codice|pinkode|pinkoden|pinkod|pinkoodi|pinkood|"
    r"code pin|codice pin|código pin|cod pin|codul pin|kód pin|kod pin|numer pin|pin kodas|pin kods|"
    r"κωδικός pin|κωδικό pin|пин|пин-код|пин код|пін|пін-код|пін код|פין|קוד pin|pin-ის|pin კოდი|"
    r"pin կոդ|pin-կոդ|puk|puk[- ]?code|puk[- ]?kód|puk[- ]?koodi|puk[- ]?kod|"
    # a PIN for one use, the word compounded with "once" or said with it, in EGI's languages ("Einmal-PIN",
    # "Einmalpin", "PIN à usage unique", "jednorázový PIN", "PIN de un solo uso", "engångs-PIN")
    r"einmalpin|einmalpincode|einmal-pincode|pin à usage unique|"
    r"jednorázový pin|jednorázový pin kód|jednorazowy pin|pin jednorazowy|jednorazový pin|pin monouso|"
    r"pin usa e getta|pin de un solo uso|pin de un único uso|pin de uso único|pin de utilização única|"
    r"eenmalige pin|eenmalige pincode|egyszeri pin|egyszer használatos pin|pin unic|pin de unică folosință|"
    r"kertakäyttöinen pin|kertakäyttö-pin|kertakäyttöpin|engångspin|engångspinkod|engangspin|engangspinkode|"
    r"engangs-pinkode|pin μιας χρήσης|jednokratni pin|enkratni pin|еднократен пин|tek kullanımlık pin|"
    r"ühekordne pin|vienreizējais pin|vienkartinis pin|one-time pin|one time pin|onetime pin|single-use pin|"
    # a voicemail's PIN as one compound ("Mailbox-PIN", "Sprachbox-PIN", "voicemail-PIN")
    r"mailbox-?pin|voicemail-?pin|sprachbox-?pin|mobilbox-?pin|anrufbeantworter-?pin|vastaaja-?pin|"
    r"röstbrevlåde-?pin|voicemail-?pinkode|voicemail-?pincode"
)
#: a voicemail box in EGI's languages: after a PIN word, "of the voicemail" ("il PIN della segreteria
#: è 6624", "le PIN de la messagerie vocale est 3390", "PIN poczty głosowej to 8812") before the digits
VOICEMAIL_WORDS = (
    r"voicemail|voice mail|voicemail box|voice mailbox|mailbox|answering machine|answerphone|mobile mailbox|"
    r"sprachbox|mobilbox|anrufbeantworter|anrufbeantworters|sprachnachrichten|sprachspeicher|"
    r"messagerie|messagerie vocale|boîte vocale|répondeur|segreteria|segreteria telefonica|casella vocale|"
    r"buzón de voz|buzón|contestador|correo de voz|caixa de correio|caixa de correio de voz|correio de voz|"
    r"voicemailbox|poczty głosowej|poczta głosowa|skrzynki głosowej|skrzynka głosowa|hlasové schránky|"
    r"hlasová schránka|hlasovej schránky|hlasovej pošty|hangposta|hangpostafiók|hangpostafiókom|mesageriei vocale|"
    r"mesageria vocală|căsuței vocale|vastaajan|vastaaja|puhepostin|puheposti|röstbrevlådan|röstbrevlåda|"
    r"röstbrevlådans|telefonsvararen|telefonsvarare|telefonsvareren|telefonsvarer|telefonsvarerens|"
    r"φωνητικού ταχυδρομείου|τηλεφωνητή|гласовата поща|гласова поща|sesli mesaj|sesli posta|telesekreter|"
    r"telesekreterin|kõneposti|kõnepost|balss pasta|balss pastas|balso pašto|balso paštas|govorne pošte|"
    r"govorna pošta|glasovne pošte|glasovna pošta|odzivnika|odzivnik"
)
#: codes that open a door, a safe or an account, or confirm a login, in EGI's languages: like a
#: PIN, a short run of digits a few words after one is the code ("the safe opens with 27-14-38",
#: "Türcode zum Serverraum ist 4711#", "o código de verificação que recebi por SMS foi 482913")
#: an account's backup codes, a list of them ("codes de secours : 4821-9937 7710-2284"): the codes
#: may come a sentence later, after a colon ("backup codes for my 2FA ... two of them here: 83172290
#: 44710938")
BACKUP_CODE_WORDS = (
    r"recovery codes|backup codes|codes de secours|code de secours|codes de récupération|codes de sauvegarde|"
    r"backup-codes|backup-code|wiederherstellungscodes|notfallcodes|sicherungscodes|codici di backup|"
    r"codici di recupero|codice di backup|códigos de respaldo|códigos de recuperación|código de respaldo|"
    r"códigos de backup|códigos de recuperação|back-upcodes|back-upcode|herstelcodes|kody zapasowe|"
    r"kod zapasowy|kody odzyskiwania|kody awaryjne|záložní kódy|záložní kód|kódy pro obnovení|záložné kódy|"
    r"záložný kód|tartalék kódok|tartalékkódok|helyreállítási kódok|coduri de rezervă|coduri de recuperare|"
    r"reservkoder|reservkod|återställningskoder|backupkoder|gendannelseskoder|reservekoder|reservekode|"
    r"gjenopprettingskoder|varakoodit|varakoodi|palautuskoodit|varukoodid|varukood|atsarginiai kodai|"
    r"atsarginis kodas|rezerves kodi|rezerves kods|εφεδρικοί κωδικοί|κωδικοί ανάκτησης|резервные коды|"
    r"резервный код|коды восстановления|резервні коди|резервний код|коди відновлення|резервни кодове|"
    r"резервен код|rezervni kodovi|rezervni kod|kodovi za oporavak|rezervne kode|yedek kodlar|yedek kod|"
    r"kurtarma kodları"
    r"|back-up codes|backupcodes|scratch codes|emergency codes|emergency backup codes|backup-koder|"
    r"codici di emergenza|códigos de emergencia|códigos de copia de seguridad|códigos de reserva|"
    r"notfall-codes|varmuuskoodit|kody jednorazowe|nouzové kódy|núdzové kódy|coduri de urgență|"
    r"резервни кодове за достъп|yedek kurtarma kodları"
)
CODE_WORDS = (
    # en
    r"(?:verification|confirmation|one[- ]time|sms|2fa|mfa|otp|security|activation|access|door|entry|gate|"
    r"lock|keypad|alarm|alarm system|safe|locker|unlock|login|sign[- ]in|auth|authentication) codes?|"
    # a one-time code that says what it is for ("one-time enrolment code", "registration code")
    r"one[- ]time (?:enrol?ment|registration|login|sign[- ]in|access|activation|invitation|payment) codes?|"
    r"(?:enrol?ment|registration|invitation|sign[- ]?up) codes?|"
    r"combination|combo|tan|otp|one[- ]time password|opens with|unlocks with|"
    # the code a text message brought, as a compound in each language ("SMS-koden", "SMS-Code")
    r"(?:sms|otp|2fa|mfa|totp|tan|pin|auth|login|sicherheits|bestätigungs|verifierings|engångs|engangs)-"
    r"(?:code|codes|kode|koden|kod|koden|koodi|kód|kódot|kood|kodas|kods|cod|codul|kodu|kodun)|"
    r"(?:sms|otp|2fa|mfa|totp)(?:code|kode|koden|kod|koodi|kood)|"
    r"sms-κωδικός|sms-код|code sms|code par sms|código sms|codice sms|kod sms|kód sms|cod sms|κωδικός sms|код смс|"
    r"код sms|code otp|código otp|codice otp|kod otp",
    # de, nl, scandinavian, fi, et
    r"bestätigungscode|verifizierungscode|sicherheitscode|aktivierungscode|einmalcode|einmalpasswort|"
    r"zugangscode|türcode|tuercode|torcode|schlosscode|tresorcode|safecode|alarmcode|anmeldecode|tan|"
    r"kombination|zahlenkombination|"
    r"verificatiecode|bevestigingscode|beveiligingscode|activeringscode|toegangscode|deurcode|pincode|"
    r"inlogcode|combinatie|cijfercode|"
    r"verifieringskod|bekräftelsekod|säkerhetskod|aktiveringskod|engångskod|portkod|dörrkod|låskod|"
    r"bekræftelseskode|sikkerhedskode|engangskode|dørkode|portkode|låsekode|aktiveringskode|"
    r"bekreftelseskode|sikkerhetskode|dørkode|engangskode|"
    # (and with the definite ending: "Engångskoden 482913 fungerar inte", "engangskoden fra SMS")
    r"verifieringskoden|bekräftelsekoden|säkerhetskoden|aktiveringskoden|engångskoden|bekræftelseskoden|"
    r"sikkerhedskoden|aktiveringskoden|engangskoden|bekreftelseskoden|sikkerhetskoden|verifiseringskoden|"
    r"verifiseringskode|"
    r"vahvistuskoodi|varmennuskoodi|turvakoodi|aktivointikoodi|kertakäyttökoodi|ovikoodi|pääsykoodi|"
    r"kertakäyttöisen koodin|kertakäyttöinen koodi|tekstiviestikoodi|vahvistuskoodin|"
    r"kinnituskood|turvakood|aktiveerimiskood|ühekordne kood|uksekood|pääsukood",
    # fr, it, es, pt, ro
    r"code (?:d'accès|de vérification|de confirmation|de sécurité|d'activation|à usage unique|sms|de la porte|"
    r"d'entrée|du cadenas|du coffre|de l'alarme|du badge|de connexion)|digicode|combinaison|"
    r"codice (?:di verifica|di conferma|di sicurezza|di attivazione|monouso|sms|della porta|d'ingresso|"
    r"della cassaforte|dell'allarme|del badge|otp)|combinazione|"
    r"código (?:de verificación|de confirmación|de seguridad|de activación|de un solo uso|sms|de la puerta|"
    r"de entrada|de acceso|de la caja fuerte|de la alarma|otp)|combinación|"
    r"código (?:de verificação|de confirmação|de segurança|de ativação|de uso único|sms|da porta|de entrada|"
    r"do cofre|do alarme|otp)|combinação|"
    r"cod(?:ul)? (?:de verificare|de confirmare|de securitate|de activare|de acces|sms|al ușii|otp|"
    r"de unică folosință|de unica folosinta|unic)|combinația|combinatia",
    # a door's or a meeting's code said otherwise ("code porte", "Zoom-kode", "composez le code"), a
    # one-time code in Dutch, and a voucher's or a coupon's code, which buys what it names
    r"code porte|code de porte|code d'accès de la salle|code du bâtiment|composez le code|tapez le code|"
    r"eenmalige code|eenmalige inlogcode|eenmalige betaalcode|betaalcode|"
    r"(?:zoom|teams|webex|jitsi|meeting|møte|mote|möte|kokous|spotkanie|schůzka|sitzung|réunion|riunione|reunión)"
    r"[- ]?(?:code|codes|kode|koden|kod|koodi|kód|kood|passcode|pin|kennwort|passwort|password|heslo|hasło)|"
    r"dial-in pin|einwahl-pin|participant pin|teilnehmer-pin|code participant",
    # pl, cs, sk, sl, hr, sr, hu
    r"kod (?:weryfikacyjny|potwierdzający|potwierdzenia|bezpieczeństwa|aktywacyjny|jednorazowy|sms|dostępu|"
    r"do drzwi|do sejfu|do alarmu)|szyfr|kombinacja|"
    r"(?:ověřovací|potvrzovací|bezpečnostní|aktivační|jednorázový|přístupový|vstupní) kód|kód (?:ke dveřím|k trezoru|sms)|"
    r"kód (?:od|do|ke|k|na) (?:dveří|dveřím|dveře|dverí|dverám|dvere|vchodu|vchodových dveří|brány|bráně|domu|bytu|"
    r"schránky|schránce|trezoru|zámku|klíčů|kľúčov)|"
    r"(?:overovací|potvrdzovací|bezpečnostný|aktivačný|jednorazový|prístupový|vstupný) kód|"
    r"kód z sms|kód zo sms|kód z esemesky|sms kód|sms-kód|kód ze sms|"
    r"(?:potrditvena|varnostna|aktivacijska|enkratna|dostopna|vstopna|preverjalna) koda|"
    r"(?:potrditveno|varnostno|aktivacijsko|enkratno|dostopno|vstopno|preverjalno) kodo|"
    r"(?:verifikacijski|potvrdni|sigurnosni|aktivacijski|jednokratni|pristupni|ulazni) kod|kod za (?:vrata|potvrdu|pristup)|"
    r"(?:ellenőrző|megerősítő|biztonsági|aktiváló|egyszer használatos|belépő|hozzáférési|ajtó|ajtó)kód|"
    r"(?:ellenőrző|megerősítő|biztonsági|aktiváló|belépési|hozzáférési|verifikációs|verificációs|egyszeri|"
    r"egyszer használatos|hitelesítő|azonosító|sms) kód(?:ot|om|omat|ja|ját|unk)?|kombináció",
    # el, cyrillic, tr, lt, lv, he
    r"κωδικός (?:επαλήθευσης|επιβεβαίωσης|ασφαλείας|ενεργοποίησης|μιας χρήσης|της πόρτας|εισόδου)|συνδυασμός|"
    r"код (?:подтверждения|проверки|безопасности|активации|доступа|от двери|от сейфа|из смс)|"
    r"код (?:підтвердження|перевірки|безпеки|активації|доступу|від дверей|з смс)|"
    r"код (?:за потвърждение|за достъп|за сигурност|за активиране|на вратата|от смс)|"
    r"код за (?:потврду|приступ|врата)|комбинация|комбінація|"
    # (Turkish joins the possessive to the noun: "doğrulama kodunuz", your verification code)
    r"(?:doğrulama|onay|güvenlik|aktivasyon|giriş|kapı|tek kullanımlık|sms) kod(?:u|un|unuz|unu|unuzu|umuz)|"
    r"(?:patvirtinimo|saugos|aktyvavimo|prieigos|durų|vienkartinis|vienkartinį) (?:kodas|kodą)|(?:verifikācijas|apstiprinājuma|drošības|piekļuves|durvju|vienreizējo|vienreizējais) (?:kods|kodu)|"
    r"קוד (?:אימות|גישה|כניסה|הדלת)",
    # a meeting's passcode, and the codes that reset or recover an account, in each language
    r"passcode|pass code|meeting passcode|meeting password|meeting pin|join code|reset code|recovery code|"
    r"backup code|restore code|kenncode|meeting-kenncode|rücksetzcode|wiederherstellungscode|"
    r"code de réinitialisation|code de récupération|code secret|code de la réunion|"
    r"codice di ripristino|codice di recupero|codice della riunione|"
    r"código de reinicio|código de restablecimiento|código de recuperación|código de la reunión|"
    r"código de redefinição|código de recuperação|código da reunião|herstelcode|resetcode|"
    r"kod resetujący|kod odzyskiwania|kod spotkania|kód pro obnovení|obnovovací kód|kód na obnovenie|"
    r"återställningskod|nulstillingskode|tilbakestillingskode|gjenopprettingskode|palautuskoodi|nollauskoodi|"
    r"visszaállító kód|helyreállító kód|cod de resetare|cod de recuperare|κωδικός επαναφοράς|"
    r"код сброса|код восстановления|код скидання|код відновлення|sıfırlama kod(?:u|unuz)|kurtarma kod(?:u|unuz)",
    BACKUP_CODE_WORDS,
)
#: a login's second factor, in EGI's languages: a six-digit number told a sentence or two after
#: it, with "code" between, is the one-time code ("the login is asking for a second factor and
#: the code went to my old phone ... She just read it out to me: 482 913")
SECOND_FACTOR_WORDS = (
    r"second factor|two-factor|two factor|2fa|mfa|multi-factor|multifactor|one-time code|one-time password|"
    r"authenticator|authenticator app|otp|totp|verification code|login code|"
    r"zweiter faktor|zweiten faktor|zwei-faktor|zwei-faktor-authentifizierung|einmalcode|authenticator-app|"
    r"deuxième facteur|second facteur|double authentification|authentification à deux facteurs|"
    r"secondo fattore|autenticazione a due fattori|doppio fattore|segundo factor|doble factor|"
    r"autenticación de dos factores|segundo fator|autenticação de dois fatores|dois fatores|tweede factor|"
    r"tweestapsverificatie|twee-factor|tweefactorauthenticatie|drugi składnik|uwierzytelnianie dwuskładnikowe|"
    r"uwierzytelniania dwuskładnikowego|weryfikacja dwuetapowa|weryfikacji dwuetapowej|druhý faktor|"
    r"dvoufázové ověření|dvoufázového ověření|dvojfaktorové overenie|dvojfázové overenie|második faktor|"
    r"kétfaktoros|kétlépcsős azonosítás|al doilea factor|autentificare în doi pași|autentificarea cu doi factori|"
    r"toinen tekijä|kaksivaiheinen tunnistautuminen|kaksivaiheisen tunnistautumisen|vahva tunnistautuminen|"
    r"andra faktor|andra faktorn|tvåfaktorsautentisering|tvåstegsverifiering|anden faktor|totrinsbekræftelse|"
    r"tofaktorgodkendelse|andre faktor|tofaktorautentisering|totrinnsbekreftelse|δεύτερος παράγοντας|"
    r"δεύτερο παράγοντα|έλεγχος ταυτότητας δύο παραγόντων|drugi faktor|dvofaktorska autentifikacija|"
    r"dvofaktorsko preverjanje|dvostopenjsko preverjanje|втори фактор|двуфакторна автентикация|второй фактор|"
    r"двухфакторная аутентификация|другий фактор|двофакторна автентифікація|ikinci faktör|iki faktörlü|"
    r"iki adımlı doğrulama|teine faktor|kaheastmeline autentimine|otrais faktors|divfaktoru autentifikācija|"
    r"antrasis veiksnys|dviejų veiksnių autentifikavimas"
)
#: what a door or entry code opens: a key box, a door, a gate, an entrance, an intercom, in EGI's
#: languages with the inflections a sentence gives them ("nøkkelboksen ved inngangen, koden er
#: 2-6-0-9", "the code for the front door is 4-7-1-1"): a code word in the same sentence, then
#: the code (digits, grouped or spaced by dashes, or with a keypad's letter: "A4871")
#: a room kept locked that a code opens, a server room above all, in its cases ("Koden till
#: serverhallen är 8821*", "de code van de serverruimte is 4711#", "kód do serwerowni to 5520"):
#: "code" in its sentence, then digits, is the room's door code (as ``ENTRY_WORDS``)
LOCKED_ROOM_WORDS = (
    r"server room|server rooms|the server room|machine room|computer room|server hall|data hall|server cage|"
    r"comms room|network room|"
    r"serverraum|serverraums|serverräume|rechnerraum|rechnerraums|maschinenraum|maschinenraums|technikraum|"
    r"serverruimte|serverzaal|computerruimte|machinekamer|rekenzaal|"
    r"serverhall|serverhallen|serverrum|serverrummet|datorhall|datorhallen|maskinhall|maskinhallen|"
    r"maskinrum|maskinrummet|serverrom|serverrommet|maskinrom|maskinrommet|datasal|datasalen|"
    r"konesali|konesalin|konesaliin|konesalissa|palvelinhuone|palvelinhuoneen|palvelinhuoneeseen|"
    r"serveriruum|serveriruumi|serveriruumis|serveru telpa|serveru telpas|serveru telpā|serverinė|serverinės|"
    r"serverinę|"
    r"salle serveur|salle serveurs|salle des serveurs|salle machine|salle machines|salle informatique|"
    r"sala server|sala dei server|sala macchine|sala ced|sala de servidores|sala de los servidores|"
    r"cuarto de servidores|sala de máquinas|sala dos servidores|camera serverelor|sala serverelor|"
    r"camera serverului|"
    r"serwerownia|serwerowni|serwerownię|serwerownią|serverovna|serverovny|serverovně|serverovnu|"
    r"serverovňa|serverovne|serverovňu|szerverterem|szerverterembe|szerverterem ajtaja|szerverteremé|"
    r"gépterem|gépterembe|géptermi|géptermet|strežniška soba|strežniške sobe|strežniško sobo|"
    r"serverska soba|serverske sobe|serversku sobu|serverskoj sobi|"
    r"сървърното помещение|сървърна|сървърната|серверная|серверной|серверную|серверна|серверної|"
    r"αίθουσα διακομιστών|αίθουσας διακομιστών|sunucu odası|sunucu odasının|sunucu odasına|sistem odası|"
    r"sistem odasının"
)
ENTRY_WORDS = (
    # en, de, nl
    r"key ?box|key ?boxes|key ?safe|lock ?box|lockbox|key cabinet|front door|door|doors|entrance|"
    r"main entrance|intercom|entry phone|entryphone|keypad|gate|"
    r"schlüsselbox|schlüsselkasten|schlüsselsafe|schlüsseltresor|schlüsselkästchen|schlüsselschrank|tür|türe|"
    r"haustür|eingangstür|wohnungstür|eingang|hauseingang|gegensprechanlage|hoftor|einfahrtstor|"
    r"sleutelkastje|sleutelkluis|sleutelbox|sleutelkast|deur|voordeur|ingang|poort|"
    # fr, it, es, pt, ro
    r"boîte à clés|boîte à clé|boîte à code|boîtier à clés|la porte|porte d'entrée|de la porte|portail|interphone|"
    r"hall d'entrée|cassetta portachiavi|cassetta delle chiavi|cassetta di sicurezza|portone|cancello|citofono|"
    r"porta d'ingresso|della porta|la porta|caja de llaves|cajetín|caja de seguridad|la puerta|de la puerta|"
    r"puerta|portal|telefonillo|portero automático|cofre de chaves|caixa de chaves|caixa das chaves|da porta|"
    r"a porta|portão|interfone|cutia cu chei|cutie pentru chei|cutia pentru chei|ușa|ușii|ușă|poarta|porții|"
    r"intrarea|interfon|interfonul|"
    # pl, cs, sk, hu, sl, hr, sr, bs
    r"skrytka na klucze|skrytce na klucze|skrytka|skrytce|sejf na klucze|skrzynka na klucze|skrzynce na klucze|"
    r"drzwi|bramy|brama|bramę|domofon|domofonu|klatka|klatki|klatkę|furtka|furtki|"
    r"schránka na klíče|schránce na klíče|schránky na klíče|trezor na klíče|schránka na kľúče|schránke na kľúče|"
    r"dveře|dveří|dvere|dverí|vchod|vchodu|brána|brány|bráne|"
    r"kulcsdoboz|kulcsdobozban|kulcsdobozt|kulcsszéf|kulcsszéfben|ajtó|ajtót|ajtónál|bejárat|bejáratnál|"
    r"bejárati ajtó|kapu|kapunál|kaputelefon|"
    r"škatla za ključe|škatlica za ključe|kutija za ključeve|kutiji za ključeve|sef za ključeve|vrata|vrat|ulaz|"
    r"ulaza|ulazu|vhod|vhoda|vhodu|interfon|portafon|"
    # fi, sv, da, no, et, lv, lt
    r"avainboksi|avainboksin|avainboksissa|avainlaatikko|avainlaatikon|avainlaatikossa|avainkaappi|"
    r"avainkaapin|avainkaapissa|avainsäilö|ovi|oven|ulko-ovi|ulko-oven|portti|portin|rappu|rapun|"
    r"nyckelbox|nyckelboxen|nyckelskåp|nyckelskåpet|nyckelgömma|dörr|dörren|ytterdörr|ytterdörren|entrén|grinden|"
    r"nøgleboks|nøgleboksen|nøgleskab|nøgleskabet|døren|hoveddør|hoveddøren|opgang|opgangen|indgang|"
    r"indgangen|nøkkelboks|nøkkelboksen|nøkkelskap|nøkkelskapet|dør|døra|inngang|inngangen|ytterdør|"
    r"ytterdøra|ytterdøren|porttelefon|porttelefonen|"
    r"võtmekarp|võtmekarbi|võtmekast|võtmekasti|uks|ukse|välisuks|välisukse|värav|värava|trepikoda|"
    r"trepikoja|atslēgu kaste|atslēgu kastīte|atslēgu kastītē|durvis|durvju|vārti|vārtu|ieeja|ieejas|"
    r"raktų dėžutė|raktų dėžutėje|durys|durų|vartai|vartų|įėjimas|įėjimo|laiptinė|laiptinės|"
    # el, bg, ru, uk, sr, mk, tr
    r"κλειδοθήκη|κλειδοθήκης|πόρτα|πόρτας|εξώπορτα|είσοδος|εισόδου|είσοδο|θυροτηλέφωνο|"
    # an alarm a code disarms, in its cases ("Ο κωδικός του συναγερμού είναι 7392", "der Code der
    # Alarmanlage", "le code de l'alarme", "kod do alarmu", "riasztó kódja", "larmkoden"'s words apart)
    r"alarm|alarms|burglar alarm|intruder alarm|alarm system|alarm panel|the alarm|alarmanlage|alarmanlagen|"
    r"einbruchmeldeanlage|alarmzentrale|l'alarme|système d'alarme|centrale d'alarme|l'allarme|allarme|"
    r"antifurto|impianto d'allarme|centralina|la alarma|alarma|sistema de alarma|o alarme|alarme|"
    r"sistema de alarme|alarmsysteem|inbraakalarm|alarmu|alarmie|alarmem|system alarmowy|centrala alarmowa|"
    r"alarmový|alarmu|zabezpečovací|signalizace|signalizaci|signalizácia|signalizáciu|riasztó|riasztót|"
    r"riasztónak|riasztóé|riasztórendszer|hälytin|hälyttimen|murtohälytin|hälytysjärjestelmä|larm|larmet|"
    r"inbrottslarm|larmsystem|alarmen|tyverialarm|innbruddsalarm|alarmă|alarma|alarmei|sistemul de alarmă|"
    r"συναγερμός|συναγερμού|συναγερμό|alarmni sustav|alarma|alarmni|alarmni sistem|alarmna naprava|"
    r"алармата|аларма|сигнализация|сигнализацията|alarm sistemi|alarmı|alarmın|häire|häiresüsteem|valvesüsteem|"
    r"signalizācija|signalizācijas|signalizacija|signalizacijos|"
    r"кутия за ключове|кутията за ключове|вратата|врата|входа|вход|домофон|домофона|дверь|двери|подъезд|"
    r"подъезда|двері|дверей|під'їзд|під'їзду|улаз|улаза|кутија за кључеве|"
    r"anahtar kutusu|anahtar kutusunun|kapı|kapının|kapıyı|bina girişi|giriş kapısı|"
    # a key cabinet, a locker or a cupboard with a lock, and the cabinet's noun alone in its cases
    # ("Avaimet löytyvät avainkaapista ..., kaapin koodi on 2-9-1-7", "szafka na klucze, kod do
    # szafki", "das Schließfach, Code 4711"): its code opens it as a door's does
    r"key cabinet|key cabinets|key cupboard|key locker|locker|lockers|the cabinet|the locker|"
    r"schlüsselkastens|schlüsselkästen|schlüsselschranks|schlüsselkasterl|spind|spinds|schließfach|"
    r"schließfachs|schließfächer|schliessfach|sleutelkast|sleutelkastje|sleutelkluisje|kluisje|kluisjes|"
    r"armoire à clés|armoire à clefs|armoire des clés|armoire aux clés|casier|casiers|coffre à clés|"
    r"l'armoire|armadietto|armadietto delle chiavi|armadio delle chiavi|armadio chiavi|armadietto chiavi|"
    r"armario de llaves|armario de las llaves|taquilla|taquillas|casillero|armário de chaves|"
    r"armário das chaves|cacifo|cacifos|dulapul cu chei|dulap cu chei|dulapul de chei|dulapului|dulăpior|"
    r"fișet|fișetul|fișetului|"
    r"szafka na klucze|szafce na klucze|szafki na klucze|szafkę na klucze|szafką na klucze|szafka|szafce|"
    r"szafki|szafkę|skříňka na klíče|skříňce na klíče|skříňky na klíče|skříňku na klíče|skříňka|skříňce|"
    r"skříňky|skříňku|skrinka na kľúče|skrinke na kľúče|skrinky na kľúče|skrinku na kľúče|skrinka|skrinke|"
    r"skrinky|skrinku|kulcsszekrény|kulcsszekrényben|kulcsszekrényt|kulcsszekrénynél|kulcsszekrényből|"
    r"szekrény|szekrényt|szekrényben|szekrényé|omarica za ključe|omarici za ključe|omarica|omarici|omarice|"
    r"ormarić za ključeve|ormariću za ključeve|ormarić|ormarića|ormariću|"
    r"avainkaappi|avainkaapista|avainkaappiin|avainkaapille|avainkaapilla|avainkaappia|avainkaapit|"
    r"avainboksista|avainboksiin|avainlaatikosta|avainlaatikkoon|avainsäilöstä|avainlokero|avainlokeron|"
    r"avainlokerosta|avainlokerossa|kaappi|kaapin|kaapista|kaapissa|kaappiin|lokero|lokeron|lokerosta|"
    r"lokerossa|lokeroon|nyckelskåpets|nyckelskåpen|nyckelboxens|skåpet|skåpets|skåpen|låsskåp|låsskåpet|"
    r"nøgleskabets|nøgleboksens|skabet|skabets|nøkkelskapets|nøkkelboksens|skapet|skapets|"
    r"võtmekapp|võtmekapi|võtmekapist|võtmekappi|kapp|kapi|kapist|atslēgu skapis|atslēgu skapī|"
    r"atslēgu skapja|skapis|skapī|skapītis|raktų spintelė|raktų spintelėje|raktų spintelės|spintelė|"
    r"spintelės|spintelėje|ντουλάπι κλειδιών|ντουλαπάκι|ντουλαπάκι κλειδιών|ντουλαπιού|θυρίδα|θυρίδας|"
    r"шкафчето за ключове|шкафче за ключове|шкафчето|шкафче|шкафа|шкафът|"
    r"anahtar dolabı|anahtar dolabının|anahtar dolabından|anahtar dolabında|dolap|dolabın|dolabı|dolaptan"
)
#: a door's, a gate's or a lock's code as one compound word, the way the Germanic languages, Finnish,
#: Estonian and Hungarian write it, with its definite or case ending ("portkoden till serverhallen
#: är 4719", "dørkoden er", "Haustürcode", "ytterdörrskoden", "hoveddørkoden", "porttikoodi",
#: "kapukódja"): what it opens, then the code's word. What it opens may stand anywhere in the
#: compound when it is a word of its own (``DOOR_CODE_PARTS``: "Eingangstürcode" has "eingang");
#: a short one that is also a piece of other words ("tor" of "Vektorcode", "port" of
#: "Exportcode", "tür" of "Signaturcode") only first, or after a building's part
#: (``DOOR_CODE_PLACES``: "Kellertürcode", "serverromdørkoden")
DOOR_CODE_PARTS = (
    r"tuer|dörr|dør|deur|poort|eingang|ingang|inngang|indgang|entré|alarm|larm|tresor|kluis|nøkkel|nyckel|"
    r"nøgle|sleutel|schlüssel|schluessel|keybox|garage|garasje|schließfach|schliessfach|porttelefon|portti|"
    r"rappu|värava|kapu|ajtó|bejárat|sisäänkäynti|sisäänkäynnin|trepikoja|trapphus|trappehus|opgang|grind"
)
DOOR_CODE_SHORT = r"tür|tor|port|hek|ovi|oven|uks|ukse|lås|låse|safe|skåp|skab|skap|hus|haus|gate|door"
DOOR_CODE_PLACES = (
    r"haus|hus|huis|eingangs|hinter|vorder|neben|keller|källar|kjeller|garagen|hof|büro|labor|lab|server|"
    r"serverraum|serverrum|serverrom|serverhall|serverhallens|serverruimte|rechenzentrums|ytter|hoved|haupt|"
    r"hoofd|voor|achter|bak|front|ulko|taka|sivu|pää|kontor|kantoor|gebäude|bygnings|byggnads|bygg|"
    r"zimmer|raum|rum|rom|hall|zaal|lager|rack|schrank|kaappi|kluis|tresor|välis|vchod|kerti|bejárati"
)
#: the code's word closing such a compound, with its endings
DOOR_CODE_ENDS = r"code|codes|kode|koden|koder|kodes|kod|koodi|koodin|koodia|koodit|kood|koodid|kód|kódja|kódot|kódját"
#: "code" and its kin, alone (what an ``ENTRY_WORDS`` sentence calls the code it gives; a PIN is
#: ``PIN_WORDS``' already)
ENTRY_CODE_WORDS = (
    r"code|codes|codice|codigo|código|cod|codul|kode|koden|koder|koderne|kod|kodu|kodem|kodzik|kód|kódot|kódja|"
    r"kodas|kodą|kods|koda|kodo|koodi|koodin|koodia|kood|koodiga|koodiks|combination|kombination|"
    r"kombinationen|combinaison|combinazione|combinación|combinação|combinatie|kombinacja|kombinace|kombinácia|"
    r"kombináció|combinația|yhdistelmä|κωδικός|κωδικό|κωδικού|код|кодът|кода|коду|кодот|"
    r"kodunu|kodumuz|šifra|šifru|šifre|szyfr|zahlenkombination|cijfercode|sifferkod|sifferkoden|"
    r"şifre|şifresi|şifresini|kodi|kodo|codului|κωδικός του|kodą|koodiks"
)
#: a voucher's or a coupon's code, which buys what it names: its value may hold letters
#: ("voucher CRD-8812-KXQ7-TT3M")
VOUCHER_WORDS = (
    r"(?:voucher|coupon|promo|promotional|gift|credit|redeem|redemption|discount)[- ]?codes?|vouchers?|coupons?|"
    r"gutschein|gutscheincode|gutscheine|bon d'achat|code promo|code de réduction|code coupon|"
    r"codice (?:voucher|coupon|sconto|promozionale)|buono|código (?:de cupón|de descuento|promocional|de vale)|"
    r"cupón|cupom|código do cupom|kortingscode|waardebon|tegoedbon|kod rabatowy|kupon|kod kuponu|"
    r"slevový kód|kupón|kuponkód|cod (?:voucher|cupon|promoțional)|κωδικός κουπονιού|κουπόνι|"
    r"промокод|купон|rabattkod|rabatkode|rabattkode|alennuskoodi|lahjakortti|hyvityskoodi"
)
#: a booking's reference: with the traveller's name it opens the booking (a flight's PNR, a
#: hotel's confirmation number, a train ticket's code)
BOOKING_WORDS = (
    r"booking reference|booking ref|booking number|booking code|booking id|booking no|reservation number|"
    r"reservation code|reservation ref|reservation reference|confirmation number|confirmation no|"
    r"confirmation code|pnr|record locator|e-ticket number|ticket number|"
    r"buchungsnummer|buchungscode|buchungsreferenz|reservierungsnummer|reservierungscode|bestätigungsnummer|"
    r"numéro de réservation|référence de réservation|réservation n°|réservation no|numéro de confirmation|"
    r"code de réservation|référence du dossier|numero di prenotazione|codice di prenotazione|"
    r"codice prenotazione|numero di conferma|número de reserva|código de reserva|localizador|"
    r"número de confirmación|número da reserva|código da reserva|número de confirmação|boekingscode|"
    r"boekingsnummer|reserveringsnummer|reserveringscode|bevestigingsnummer|numer rezerwacji|kod rezerwacji|"
    r"numer potwierdzenia|číslo rezervace|rezervační kód|rezervační číslo|kód rezervace|číslo rezervácie|"
    r"rezervačný kód|bokningsnummer|bokningskod|bokningsreferens|bookingnummer|bookingkode|"
    r"bookingreferanse|reservasjonsnummer|varausnumero|varauskoodi|varaustunnus|foglalási szám|"
    r"foglalási kód|număr de rezervare|numărul rezervării|cod de rezervare|αριθμός κράτησης|κωδικός κράτησης|"
    r"номер бронирования|код бронирования|номер бронювання|код бронювання|номер на резервация|"
    r"rezervasyon numarası|rezervasyon kodu|broj rezervacije|šifra rezervacije|številka rezervacije|"
    r"rezervacijos numeris|rezervācijas numurs|broneeringu number|broneeringu kood"
)
#: a traveller's surname's label, beside a booking's reference: the two open the booking ("Localizador:
#: XKQ7TZ, apellido GARCÍA LÓPEZ", "PNR 4KX9TQ, passenger name NOVAK/JANA")
SURNAME_WORDS = (
    r"surname|last name|family name|passenger name|passenger|traveller name|traveler name|name of the passenger|"
    r"nachname|familienname|passagiername|name des reisenden|nom de famille|nom du passager|nom|cognome|"
    r"nome del passeggero|apellido|apellidos|nombre del pasajero|sobrenome|apelido|nome do passageiro|"
    r"achternaam|naam passagier|nazwisko|nazwisko pasażera|příjmení|jméno cestujícího|priezvisko|vezetéknév|"
    r"utas neve|sukunimi|matkustajan nimi|efternamn|resenärens namn|efternavn|etternavn|passagerens navn|"
    r"numele de familie|nume|numele pasagerului|επώνυμο|όνομα επιβάτη|prezime|priimek|фамилия|фамилно име|"
    r"презиме|soyadı|soyad|yolcu adı|perekonnanimi|reisija nimi|uzvārds|pasažiera vārds|pavardė|keleivio vardas"
)
#: parts of a configuration key that say its value is a secret (env, INI, YAML, JSON, tables)
SECRET_KEY_PARTS = (
    r"pass(?:word|wd|phrase|wort)?s?|pwd|pw|secrets?|token|tokens|credentials?|creds?|apikey|api_key|"
    r"auth|authtoken|auth_token|authorization|bearer|cookie|session(?:id)?|sid|sig|signature|hmac|"
    r"private_?key|privkey|priv_key|secret_?key|access_?key|api_?secret|client_?secret|otp|totp|"
    r"seed|pin|salt|storepass|keypass|kennwort|passwort|wachtwoord|adgangskode|kodeord|passord|"
    r"losenord|salasana|jelszo|haslo|heslo|geslo|lozinka|parola|parole|parool|senha|contrasena|"
    r"sifre|slaptazodis|clave|chiave|schlussel|schluessel|cle|klucz|sleutel|nyckel|nokkel|avain|"
    r"kulcs|kljuc|cheie|raktas|atslega|voti|key"
)
#: key endings that name something about a secret that is not the secret itself
NOT_SECRET_KEY_ENDINGS = (
    r"id|ids|url|uri|urls|endpoint|file|files|path|dir|name|names|type|types|length|len|lifetime|"
    r"expiry|expires|expiration|ttl|format|method|methods|policy|header|field|prefix|version|"
    r"count|enabled|required|location|server|host|port|user|username|login|algorithm|alg|manager|"
    r"store|vault|fingerprint|pair|ring|board|note|size|hash_algorithm|scope|scopes|issuer|"
    r"provider|mode|source|backend|env|var|variable|label|description|desc|hint|prompt|min|max|"
    r"rotation|age|duration|cmd|command|helper|plugin|class|module|reset|changed|update|updated|"
    r"created|date|time|timeout|retries|strength|complexity|policy_url|check|checks|help|title|"
    r"ref|refs|reference"
)
#: words saying the key or block that follows holds public material
PUBLIC_KEY_WORDS = (
    r"public[ _-]?key|pub[ _-]?key|publickey|pubkey|public|öffentliche[rn]? schlüssel|clé publique|"
    r"chiave pubblica|clave pública|chave pública|publieke sleutel|klucz publiczny|veřejný klíč|"
    r"nyilvános kulcs|offentlig nyckel|offentlig nøgle|julkinen avain|δημόσιο κλειδί|открытый ключ|"
    r"публичный ключ|відкритий ключ|fingerprint|fingerprints|recipient|host key|hostkey|"
    # the definite and other forms ("WireGuard-peerns publika nyckel är ...")
    r"publika nyckel|publika nyckeln|offentlige nøgle|offentlige nøkkel|offentlig nøkkel|julkinen avaimen|"
    r"julkinen avain on|avalik võti|publiskā atslēga|viešasis raktas|cheia publică|cheie publică|"
    r"javni ključ|javni kljuc|публичен ключ|јавни кључ|verejný kľúč|açık anahtar|genel anahtar|"
    r"chave publica|clave publica|cle publique"
)

#: a certificate's (or a device's) serial number, in EGI's languages and their inflections: the
#: value after it is printed in the certificate, public ("сериен номер 0x4A3F21", "Seriennummer 3E11C0")
SERIAL_NUMBER_WORDS = (
    r"serial number|serial no\.?|serial|serialnumber|serial_number|s/n|seriennummer|seriennr\.?|"
    r"numéro de série|n° de série|no de série|numero di serie|numero seriale|número de serie|número de série|"
    r"número serial|serienummer|serienummeret|serienumret|serienr\.?|numer seryjny|numerem seryjnym|"
    r"numerze seryjnym|sériové číslo|sériovým číslem|sériovým číslom|sériového čísla|sorozatszám|"
    r"sorozatszáma|sorozatszámú|număr de serie|numărul de serie|numar de serie|sarjanumero|sarjanumerolla|"
    r"sarjanumeron|sarjanumeroltaan|σειριακός αριθμός|σειριακό αριθμό|σειριακού αριθμού|serijski broj|"
    r"serijskim brojem|serijska številka|serijsko številko|serijsko številka|сериен номер|серийния номер|"
    r"серийният номер|сериен №|серийный номер|серийным номером|серійний номер|seri numarası|seri numarasi|"
    r"seri no|seerianumber|seerianumbriga|seerianumbri|sērijas numurs|sērijas numuru|serijos numeris|"
    r"serijos numeriu|serijos numerį"
)

#: phrases that hand over a value without a password word ("here it is:", "reset it to")
REVEAL_PHRASES = (
    r"here it is|here you go|here is it|it is now|it's now|new one is|reset it to|changed it to|set it to|"
    r"reset to|changed to|set to|hier ist es|hier ist er|hier bitte|zurückgesetzt auf|geändert auf|"
    r"geändert in|gesetzt auf|le voici|la voici|voilà|réinitialisé à|réinitialisé en|changé en|"
    r"eccola|eccolo|ecco|reimpostat[oa] a|reimpostat[oa] su|cambiat[oa] in|aquí está|aqui está|"
    r"aqui tens|restablecid[oa] a|cambiad[oa] a|hier is het|ingesteld op|gewijzigd in|oto on[oa]?|"
    r"zmienione na|ustawione na|tady je|zde je|nastaveno na|změněno na|itt van|här är det|"
    r"här är den|her er den|her er det|tässä se on|siin see on|вот он|вот она|ось він|ось вона|"
    r"ето го|ето я|evo ga|evo je|tukaj je|iată|štai|lūk|işte|"
    # "set to" in the other languages ("Root er satt til ...", "root je nastaven na ...")
    r"satt til|sat til|satt till|asetettu|on asetettu|nastaven na|nastavené na|nastavený na|nastavljen na|"
    r"nastavljeno na|postavljen na|postavljeno na|impostato a|impostata a|impostato su|definido como|"
    r"configurado como|configurada como|défini à|défini sur|setat la|setată la|beállítva|seadistatud|"
    r"iestatīts uz|nustatytas|ayarlandı|ορίστηκε σε|ορίστηκε|"
    # "I changed it to X", "I'm typing X" with the pronoun or the person in the verb
    r"i'?m typing|i am typing|i typed|i type|what i type is|i'?ve set it to|i'?ve changed it to|"
    r"co wpisuję|wpisuję|wpisałem|wpisałam|ich tippe|ich gebe ein|ce que je tape|je tape|quello che digito|"
    r"digito|lo que escribo|lo que tecleo|o que digito|wat ik typ|ik typ|co zadávám|zadávám|zadávam|píšu|"
    r"ezt írom be|beírom|det jag skriver in|jeg skriver|kirjoitan|sisestan|ce tastez|tastez|įvedu|ievadu|"
    r"yazdığım|ввожу|я ввожу|вводжу|я вводжу|πληκτρολογώ|upisujem|vpisujem|"
    r"změnil jsem ho na|změnila jsem ho na|změnil jsem to na|nastavil jsem ho na|zmenil som ho na|"
    r"zmenila som ho na|zmieniłem (?:je|go|ją) na|zmieniłam (?:je|go|ją) na|змінив його на|змінила його на|"
    r"змінив її на|змінила її на|поменял (?:его |её )?на|изменил (?:его |её )?на|сменил (?:его |её )?на|"
    r"שיניתי אותה ל|שיניתי אותו ל|promijenio sam (?:je|ga) u|promijenila sam (?:je|ga) u|"
    r"promenio sam (?:je|ga) u|promenila sam (?:je|ga) u|spremenil sem (?:ga|jo) v|spremenila sem (?:ga|jo) v|"
    r"l-am schimbat în|am schimbat-o în|je l'ai changé en|je l'ai changée en|je l'ai remplacé par|"
    r"l'ho cambiata in|l'ho cambiato in|l'ho impostata a|lo cambié a|la cambié a|lo he cambiado a|"
    r"la he cambiado a|mudei para|alterei para|ik heb het veranderd in|veranderd naar|gewijzigd naar|"
    r"jag ändrade det till|jeg ændrede det til|jeg endret det til|vaihdoin sen|muutsin selle|"
    r"átállítottam erre|megváltoztattam erre|"
    # "the new one is X"
    r"der neue ist|das neue ist|die neue ist|le nouveau est|la nouvelle est|il nuovo è|la nuova è|"
    r"el nuevo es|la nueva es|o novo é|a nova é|de nieuwe is|het nieuwe is|nowe to|nowe jest|nové je|"
    r"az új|den nya är|det nya är|den nye er|det nye er|uusi on|uus on|noul este|noua este|"
    r"ο νέος (?:σου |σας )?είναι|η νέα (?:σου |σας )?είναι|το νέο (?:σου |σας )?είναι|החדשה היא|החדש הוא"
)
#: logging in, in EGI's languages: a made-up word in the sentence is the password it takes
#: ("Use Tulip-42-Rain to log in", "Entra con Horreo-Chuvia-8", "Uloguj se sa Lovcen_Bura_33")
#: how a batch system's or a logging service's job id is labelled ("jobid:", "ARC job id",
#: "job identifier", "job URL"): the tokens and the addresses after it name a job, no secret
JOB_ID_LABELS = r"(?:grid |arc |batch |condor |slurm )?job(?:[ _-]?id|[ ]identifier|[ ]url)?|jobid"
#: what an account's password is said around, with no password word: the account, its user,
#: a temporary value, a value set ("Servisni račun ... ima še vedno Triglav2864", "tymczasowe
#: Kasztan2023 wygasło", "grid_ops / Chamonix2022", "Dočasne som nastavil Tatry2024")
ACCOUNT_CONTEXT_WORDS = (
    r"user|username|account|service account|robot account|db user|temporary|temporarily|"
    r"benutzer|benutzerkonto|konto|zugang|vorübergehend|temporär|"
    r"utilisateur|compte|temporaire|provisoire|utente|temporanea|temporaneo|provvisoria|"
    r"usuario|cuenta|temporal|provisional|utilizador|conta|gebruiker|tijdelijk|"
    r"logowanie|użytkownik|tymczasowe|tymczasowo|tymczasowy|účet|uživatel|používateľ|dočasne|dočasně|dočasné|"
    r"račun|uporabnik|korisnik|začasno|privremeno|privremena|felhasználó|fiók|ideiglenes|ideiglenesen|"
    r"käyttäjä|käyttäjätili|tili|väliaikainen|användare|tillfälligt|tillfällig|bruger|bruker|midlertidig|"
    r"kasutaja|ajutine|naudotojas|paskyra|laikinas|lietotājs|konts|pagaidu|utilizator|cont|temporar|"
    r"kullanıcı|hesap|geçici|χρήστης|λογαριασμός|προσωρινός|προσωρινό|пользователь|аккаунт|временный|"
    r"користувач|обліковий запис|тимчасовий|потребител|акаунт|временна|корисник|налог|привремена|"
    r"корисник|сметка|მომხმარებელი|ანგარიში|משתמש|חשבון|notandi|aðgangur|úsáideoir|cuntas"
)
LOGIN_PHRASES = (
    r"log in|log on|logging in|login with|sign in|signing in|to authenticate|"
    r"anmelden|einloggen|melde dich|melden sie sich|loggt|loggen sie sich|"
    r"se connecter|connectez-vous|connecte-toi|pour la connexion|accedi|accedere|per entrare|per accedere|"
    r"entra con|entrar con|entrar com|inicia sesión|iniciar sesión|para acceder|fazer login|faça login|"
    r"inloggen|log in met|meld je aan|zaloguj się|zalogować się|do logowania|přihlaste se|"
    r"přihlásit se|prihláste sa|prihlásiť sa|prijavi se|prijavite se|uloguj se|ulogujte se|"
    r"logga in|logge inn|logge ind|log ind|kirjaudu|kirjautua|kirjautumiseen|jelentkezz be|"
    r"jelentkezzen be|bejelentkezéshez|autentifică-te|conectează-te|conectați-vă|prisijunkite|prisijungti|"
    r"pieslēdzieties|pieteikties|logi sisse|logige sisse|giriş yap|giriş yapın|oturum aç|увійдіть|увійти|"
    r"для входу|войдите|войти|для входа|уваходзьце|увайдзіце|увайсці|влезте|влез с|за вход|најавете се|"
    r"најави се|пријавите се|пријави се|συνδεθείτε|για σύνδεση|להתחבר|להיכנס|للدخول|لتسجيل الدخول|"
    r"შესასვლელად|შედით|მუტქ|մուտք գործեք|մուտք գործելու համար|skráðu þig inn|idħol"
)
#: words that describe a password's characters ("capital B, lowercase r, ...", "with an exclamation
#: mark at the end"): a made-up word in their sentence is the password described
CHARACTER_WORDS = (
    r"capital|capitals|upper ?case|lower ?case|small letter|hash sign|exclamation mark|"
    r"großbuchstabe|großbuchstaben|kleinbuchstabe|kleinbuchstaben|ausrufezeichen|majuscule|minuscule|"
    r"point d'exclamation|maiuscola|minuscola|punto esclamativo|mayúscula|minúscula|signo de exclamación|"
    r"maiúscula|hoofdletter|kleine letter|uitroepteken|wielka litera|wielką literą|mała litera|wykrzyknik|"
    r"velké písmeno|malé písmeno|vykřičník|nagybetű|kisbetű|versal|gemen|utropstegn|iso kirjain|"
    r"pieni kirjain|huutomerkki|κεφαλαίο|πεζά|θαυμαστικό|заглавная|строчная|восклицательный знак|"
    r"велика літера|мала літера|знак оклику"
)
#: a password word misspelt, shortened or written with digits for letters ("pa55word", "p@ssword",
#: "pasword", "ww", "Salis", "contr."): only a value that looks like a secret is taken after it
ABBREVIATED_PASSWORD_WORDS = (
    r"p(?:a|@|4)(?:ss|s5|5s|55|\$\$)w(?:o|0)rd|pasword|passwrod|passowrd|passwrd|pssword|paasword|passsword|"
    r"ww|pass|psw|pswd|pword|salis|salkkari|contr\.|kennw\.|pasw\.|hasl0|has1o|h4slo|l0zinka|"
    r"passw0rt|p4sswort|wachtw\.|mot de p\.|m\.d\.p\."
)

# --- e-mail -----------------------------------------------------------------------------------

#: '@' spelled out (brackets around them are optional: "jane (at) example", "jane arroba example")
AT_WORDS = (
    r"at|ät|a|bij|arroba|arobase|arrobe|chiocciola|chiocciolina|małpa|malpa|zavináč|zavinac|"
    r"zavináč|kukac|snabel-a|snabela|krøllalfa|kanelbulle|miukumauku|ätt|klammeraffe|affe|affenschwanz|"
    r"собака|собачка|равлик|кльомба|мајмунче|majmunče|afna|at-merki|ett|et|eta|"
    r"παπάκι|שטרודל|כרוכית|ძაღლუკა|შნიკ|շնիկ|at sign|at-sign|commercial at|apenstaartje|apestaartje|"
    r"aapje|at-teken|slinger-a|ensaimada|arrobas|a commerciale|a commercial|à commercial|opička|zavináčom|"
    r"kukacjel|kissanhäntä|kissanhanta|hjá|at-tegn|grisehale|alfakrøll|snabel|majmunica|majmun|мајмун|monkey|"
    r"маймунка|кльомбочка|песик|ձագուկ|et işareti|yaban|@-merkki|@-märk|@-zīme|eta ženklas|"
    r"kanelsnegl|papaki|sobaka|klammeraffen|at-zeichen|@-zeichen|arrova|a bildua|a rond|a-rond|arond|ag|στο|"
    # Romanian "la" (a common word too: "ioana punct marinescu la yahoo punct com"), and variants
    r"la|arrobase|krøll-alfa|krøll alfa|majmunčić|majmuncic|"r"@"
)
#: '.' spelled out
DOT_WORDS = (
    r"dot|punkt|punt|punto|point|ponto|kropka|tečka|tecka|bodka|pont|piste|prikk|punktum|pist|"
    r"täpp|tapp|puntu|pika|pikica|punkts|taškas|taskas|točka|tocka|punct|nokta|τελεία|точка|крапка|נקודה|"
    r"წერტილი|կետ|punktur|piste|pisteen|nokta|тчк|тачка|tačka|tacka|pikë|pike|ponc|poinc|punkto|\."
)
#: "between" and "from" before two host names joined by a word that also spells '@' ("entre
#: ccsrm.in2p3.fr et srm.grid.sara.nl", "zwischen desy.de und ...", "da cnaf.infn.it a ..."): hosts
HOST_PAIR_WORDS = (
    r"between|from|entre|de|depuis|zwischen|von|tra|fra|da|dal|dalla|desde|del|tussen|van|między|miedzy|"
    r"z|ze|mezi|medzi|között|kozott|între|intre|din|välillä|valilla|mellan|från|mellem|fra|μεταξύ|από|"
    r"između|izmedu|med|между|от|arasında|arasinda|vahel|starp|no|tarp|iš"
)
#: words for "at"/"dot" that are also ordinary words in their language: a match needs more
#: evidence (a second spelled separator, or a local part with a dot) before it counts
AMBIGUOUS_AT = r"at|a|bij|et|ett|eta|affe|ag|στο|la"

# --- phones -----------------------------------------------------------------------------------

#: labels that say a phone number follows
#: a verb of calling someone, in the imperative or the infinitive, with its object perhaps: a number
#: further on in its sentence is the one to call, though other words stand between ("proszę dzwonić do
#: żony, ona mi od razu przekaże: 512-904-377", "rufen Sie meine Frau an: ...", "ring my husband on")
CALL_VERBS = (
    r"call me|call my|call him|call her|call us|ring me|ring my|ring him|ring her|phone me|phone my|"
    r"text me|text my|please call|please ring|"
    r"dzwonić|dzwonic|dzwoń|dzwon|zadzwonić|zadzwonic|zadzwoń|zadzwońcie|dzwońcie|proszę dzwonić|"
    r"appelez|appelle|appeler|téléphonez|rufen sie|ruf|ruft|anrufen|rufen|chiamate|chiamare|chiama|telefonate|"
    r"llame|llamad|llamar|llama|ligue|liguem|ligar|liga|bel|belt|bellen|zavolejte|zavolej|zavolat|volejte|"
    r"volajte|zavolajte|hívja|hívjon|hívják|hívjanak|hívd|soita|soittakaa|soittaa|ring|ringe|ringa|"
    r"sunați|sunati|sună|suna|nazovite|nazovi|pokličite|pokliči|skambinkite|skambinti|zvaniet|zvanīt|"
    r"helistage|helista|καλέστε|τηλεφωνήστε|обадете се|звъннете|arayın|arayınız|arayiniz"
)
PHONE_WORDS = (
    r"tel|tél|tele|telf|teléf|telefon(?:o|e|nummer|no|nr|number)?|téléphone|telephone|telefoon|"
    r"telefono|teléfono|telefone|telemóvel|telemovel|phone|ph|mobile|mobil|mobiel|móvil|movil|"
    # a mobile's short forms ("tlm 912 345 678", "telem. 93 ...", "móv. 612 ...", "mob. tel.")
    r"tlm|tlmv|tlmóvel|telem|telm|móv\.|mobtel|mob\. tel|mobtlf|mobiltlf|gsm-nr|mobilnr|handynr|"
    r"mob|mobitel|mobilní|mobilny|mobiltelefon|cell|cellulare|cellphone|cel|handy|natel|portable|port|"
    r"gsm|kom|komórka|komorka|tlf|tfn|tlfn|puh|puhelin|matkapuhelin|cep|gsm|fax|fix|fixe|"
    r"direct line|direct|durchwahl|ruf|rufnummer|whatsapp|signal|viber|telegram|sms|call|ring|"
    # a number for emergencies ("urgencias 612 345 678", "Notfall: 0171 ...")
    r"emergency|emergencies|urgencias|urgencia|urgences|urgence|urgenze|urgenza|emergenza|emergencia|"
    r"notfall|notfälle|notfallnummer|noodgeval|noodnummer|nödfall|nødstilfælde|nødnummer|hätätapaus|"
    r"päivystys|acil|επείγοντα|экстренно|экстренный|терміново|hitno|nujno|sürgős|urgență|urgenta|pilne|"
    r"naléhavé|urgentné|"
    r"reach me|reach him|reach her|reach us|dial|astreinte|bereitschaft|on-call|on call|"
    r"chiamami|chiamatemi|chiamare|llámame|llamame|llámeme|llamar|llamarme|voicemail|buzón de voz|ligue|ligar|liga-me|appelle-moi|appelez-moi|"
    r"appelez|ruf mich an|rufen sie mich an|anrufen|bel me|bellen|zadzwoń|zadzwon|zavolejte|zavolej|hívj|"
    r"hívjon|ring mig|ringe|soita|soittakaa|helista|sunați-mă|suna-ma|mă puteți suna la|ma puteti suna la|suna la|sunați la|sunati la|skambinkite|zvaniet|zovite|pozovite|"
    r"dzwonić|dzwonic|dzwoń|dzwon|zadzwonić|zadzwonic|volejte|volat|zavolat|volajte|zavolajte|hívjanak|"
    r"hívható|sunați|sunati|nazovite|nazvati|pokličite|pokliči|skambinti|zvanīt|helistage|helistada|"
    r"καλέστε|обадете се|звъннете|дзвоніть|телефонуйте|arayınız|arayiniz|liguem|llame|llamad|chiamate|"
    r"telefonare|erreichbar unter|bereikbaar op|raggiungibile al|raggiungibile allo|reperibile al|"
    r"joignable au|joignable sur|localizable en|localizable al|contactable en|contactável pelo|"
    r"osiągalny pod|osiągalna pod|k zastižení na|dosegljiv na|dostupan na|elérhető a|nåbar på|tavoitettavissa|"
    # "my number" ("numărul meu: 0721.234.567")
    r"my number|my mobile number|numărul meu|numarul meu|mijn nummer|meine nummer|mon numéro|il mio numero|"
    r"mi número|o meu número|mój numer|moje číslo|moje čislo|moje cislo|az én számom|a számom|mitt nummer|"
    r"numeroni|minu number|mano numeris|mans numurs|numaram|benim numaram|мой номер|мій номер|моят номер|"
    r"το νούμερό μου|moj broj|moja številka|мој број|"
    r"позвоните|звоните|зателефонуйте|телефонирайте|τηλεφωνήστε|ara beni|arayın|התקשר|התקשרו|"
    r"τηλ|τηλέφωνο|κιν|κινητό|тел|телефон|моб|мобильный|мобільний|тлф|טל|טלפון|נייד|ტელ|"
    # a call's verb with its pronoun or its plural's ending, as a subject line or a hurried line writes it
    # ("llamadme al 611 ...", "ruft mich an unter ...", "zadzwońcie pod ...", "chiamateci al ...")
    r"llamadme|llamadnos|llámenme|llamenme|llámennos|llamennos|llámanos|llamanos|llámenos|llamenos|llamen|"
    r"llamarnos|llámame a|llamadme a|chiamateci|chiamaci|chiamarmi|chiamarci|mi chiami|telefonatemi|"
    r"telefonami|telefonarmi|rappelez-moi|rappelle-moi|rappelez-nous|téléphonez-moi|téléphone-moi|"
    r"appelez-nous|m'appeler au|m'appeler sur|me joindre au|me joindre sur|nous joindre au|"
    r"ruft mich an|ruft uns an|ruf uns an|rufen sie uns an|ruft mich|ruf mich|rufen sie mich|"
    r"ruft an|ruf an|ruft mich bitte an|ruf mich bitte an|melde dich unter|meldet euch unter|"
    r"zadzwońcie|zadzwoncie|dzwońcie|dzwoncie|zadzwoń do mnie|zadzwon do mnie|zadzwońcie do mnie|"
    r"zadzwoncie do mnie|dzwońcie do mnie|zadzwonisz|zavolejte mi|zavolej mi|volejte mi|zavolajte mi|"
    r"zavolaj mi|volajte mi|bel mij|bel ons|belt u mij|belt u me|bel me even|bellen op|"
    r"ligue-me|liga-me|liguem-me|liguem-nos|ligue-nos|ligue para|liga para|ligar para|"
    r"sună-mă|suna-ma|sunați-ne|sunati-ne|sună|hívjatok|hívjál|hívj fel|hívjon fel|hívjatok fel|"
    r"soita minulle|soittakaa minulle|soittakaa meille|soitelkaa|ring meg|ring oss|ring til mig|"
    r"ring til meg|ringa mig|ring till mig|ring mig på|ring meg på|helista mulle|helistage mulle|"
    r"zvani man|zvaniet man|skambink man|skambinkite man|nazovi me|nazovite me|zovi me|pokliči me|"
    r"pokličite me|звънни ми|звъннете ми|обади ми се|обадете ми се|πάρτε με|πάρε με|τηλεφώνησέ μου|"
    r"τηλεφωνήστε μου|beni arayın|beni arayin|bizi arayın|bizi arayin|beni ara|"
    r"call me on|call me at|call us on|call us at|give me a call|ring me on|"
    r"mowbajl|telefown|ċempel|ċempilli|ċempluli|fón|fón póca|guthán|sími|farsími|هاتف|الهاتف|جوال|الجوال|"
    r"ტელეფონი|մոբ|հեռ|հեռախոս|t|m|p|f|c|mob\. tel|tel\. č|tel\. br|br\. tel"
)
#: the stems of phone words that take endings (Finnish, Hungarian, Estonian, Icelandic, Polish,
#: Greek, Slavic cases: "puhelinnumeroni", "telefonszámom", "farsíminn", "komórki"): any word that
#: begins with one is a phone word
PHONE_STEMS = (
    r"telefon|telephon|téléphon|telefoon|puhelin|matkapuhelin|kännyk|komórk|komork|farsím|símanúmer|"
    r"síminn|síma|heimasím|mobilnum|mobiltelefon|handynum|mobiln|mobilszám|κινητ|τηλεφων|телефон|мобилн|мобільн|"
    # one's mobile with its possessive or case ending ("mobilja", "mobilom", "mobilul meu", "na mobilu",
    # "mobilais", "mobiilinumero", "mobitelu")
    r"mobilj|mobilom|mobilod|mobilomr|mobilul|mobilu|mobilem|mobilais|mobilusis|mobiil|mobitel"
)
#: the digits as words, in the languages of EGI's participants, by digit (0 to 9): a phone number
#: may be spelled out ("zero six one ...", "null eins sieben ...", "nula jedna ...")
DIGIT_WORDS = (
    "zero null zéro cero nul nula nič нула ноль нуль nulla nolla noll μηδέν sıfır nulis nulle",
    "one eins un une uno um uma een één jeden jedna jedno ena jedan један једна еден една едно один одна одно "
    "egy unu yksi üks ett en et ένα bir vienas viens",
    "two zwei zwo deux due dos dois duas twee dwa dwie dva dvě два две дві kettő ketto doi kaksi kaks två to "
    "δύο iki du divi",
    "three drei trois tre tres três drie trzy tři tri три három harom trei kolme kolm τρία üç trys trīs",
    "four vier quatre quattro cuatro quatro cztery čtyři štyri štiri četiri четири четыре чотири négy negy "
    "patru neljä neli fyra fire τέσσερα dört keturi četri",
    "five fünf fuenf cinq cinque cinco vijf pięć pět päť pet пет пять п'ять пʼять öt cinci viisi viis fem "
    "πέντε beş penki pieci",
    "six sechs sei seis zes sześć šest šesť шест шесть шість hat șase şase sase kuusi kuus sex seks έξι altı "
    "šeši seši",
    "seven sieben sept sette siete sete zeven siedem sedm sedem sedam седам седум седем семь сім hét het "
    "șapte şapte sapte seitsemän seitse sju syv επτά εφτά yedi septyni septiņi",
    "eight acht huit otto ocho oito osiem osm osem osam осам осум осем восемь вісім nyolc opt kahdeksan "
    "kaheksa åtta otte οκτώ οχτώ sekiz aštuoni astoņi",
    "nine niner neun neuf nove nueve negen dziewięć devět deväť devet девет девять дев'ять девʼять kilenc nouă noua "
    "yhdeksän üheksa nio ni εννέα εννιά dokuz devyni deviņi",
)
#: number words that are also everyday small words of some language ("to", "en", "un", "het",
#: "one", "uno", "sei", "egy", "doi"), or the parts of others ("te", "und", "cent"): never what
#: makes a run of spoken digits one
COMMON_NUMBER_WORDS = (
    "to en et ett un une um uma uno una ein eine een du ni ti i e a o og in ena ένα egy bir on bin sto set "
    "sex due sei fem hat het de te ten ste th und sept cent cents mil mille dez one dos doi"
)
#: the numbers above nine a phone number is read out in ("zéro six, douze, trente-quatre", "nine
#: hundred", "сорок п'ять"): value -> its words in EGI's languages (units are ``DIGIT_WORDS``)
NUMBER_WORDS = {
    10: "ten zehn dix dieci diez dez tien dziesięć deset desať десять десет tíu tio ti kymmenen kümme on",
    11: "eleven elf onze undici once tizenegy elva elleve одиннадцять одиннадцать jedenaście jedenáct",
    12: "twelve zwölf douze dodici doce doze twaalf dwanaście dvanáct дванадцять двенадцать tolv tizenkettő",
    13: "thirteen dreizehn treize tredici trece treze dertien trzynaście třináct тринадцять тринадцать tretton",
    14: "fourteen vierzehn quatorze quattordici catorce catorze veertien czternaście čtrnáct чотирнадцять четырнадцать",
    15: "fifteen fünfzehn quinze quindici quince vijftien piętnaście patnáct п'ятнадцять пятнадцать femton",
    16: "sixteen sechzehn seize sedici dieciséis dezasseis dezesseis zestien szesnaście šestnáct шістнадцять шестнадцать",
    17: "seventeen siebzehn dix-sept diciassette diecisiete dezassete dezessete zeventien siedemnaście sedmnáct "
        "сімнадцять семнадцать",
    18: "eighteen achtzehn dix-huit diciotto dieciocho dezoito achttien osiemnaście osmnáct вісімнадцять восемнадцать",
    19: "nineteen neunzehn dix-neuf diciannove diecinueve dezanove dezenove negentien dziewiętnaście devatenáct "
        "дев'ятнадцять девятнадцать",
    20: "twenty zwanzig vingt venti veinte vinte twintig dwadzieścia dvacet двадцять двадцать tjugo tyve tjue húsz douăzeci dvadeset dvadsať είκοσι kaksikymmentä yirmi",
    30: "thirty dreißig dreissig trente trenta treinta trinta dertig trzydzieści třicet тридцять тридцать trettio harminc treizeci trideset tridsať τριάντα kolmekymmentä otuz",
    40: "forty vierzig quarante quaranta cuarenta quarenta veertig czterdzieści čtyřicet сорок fyrtio negyven patruzeci četrdeset štyridsať σαράντα neljäkymmentä kırk",
    50: "fifty fünfzig cinquante cinquanta cincuenta cinquenta vijftig pięćdziesiąt padesát п'ятдесят пятьдесят femtio ötven cincizeci pedeset päťdesiat πενήντα viisikymmentä elli",
    60: "sixty sechzig soixante sessanta sesenta sessenta zestig sześćdziesiąt šedesát шістдесят шестьдесят sextio hatvan șaizeci şaizeci šezdeset šesťdesiat εξήντα kuusikymmentä altmış",
    70: "seventy siebzig septante settanta setenta zeventig siedemdziesiąt sedmdesát сімдесят семьдесят sjuttio hetven șaptezeci şaptezeci sedamdeset sedemdesiat εβδομήντα seitsemänkymmentä yetmiş",
    80: "eighty achtzig huitante quatre-vingts ottanta ochenta oitenta tachtig osiemdziesiąt osmdesát вісімдесят "
        "восемьдесят åttio nyolcvan optzeci osamdeset osemdesiat ογδόντα kahdeksankymmentä seksen",
    90: "ninety neunzig nonante novanta noventa negentig dziewięćdziesiąt devadesát дев'яносто девяносто nittio kilencven nouăzeci devedeset deväťdesiat ενενήντα yhdeksänkymmentä doksan",
    100: "hundred hundert cent cento cien ciento cem honderd sto сто set sta stě yüz",  # (Czech: "šest set", "čtyři sta")
    # the words that say tens and units at once (Spanish) and the hundreds (Slavic, Romance)
    21: "veintiuno veintiún", 22: "veintidós veintidos", 23: "veintitrés veintitres", 24: "veinticuatro",
    25: "veinticinco", 26: "veintiséis veintiseis", 27: "veintisiete", 28: "veintiocho", 29: "veintinueve",
    200: "двісті двести dwieście doscientos duecento duzentos", 300: "триста trzysta trescientos trecento trezentos",
    400: "чотириста четыреста czterysta cuatrocientos quattrocento quatrocentos",
    500: "п'ятсот пятьсот pięćset quinientos cinquecento quinhentos", 600: "шістсот шестьсот sześćset seiscientos seicento",
    700: "сімсот семьсот siedemset setecientos settecento", 800: "вісімсот восемьсот osiemset ochocientos ottocento",
    900: "дев'ятсот девятьсот dziewięćset novecientos novecento",
}
#: the languages that write tens and units as one word: (tens, units, how they join), each a list
#: of the words of 20..90 and of 1..9 ("quarantatré", "dreiundvierzig", "drieënveertig",
#: "negyvenhárom"); ``compound_numbers`` spells them
COMPOUND_NUMBERS = (
    # Italian: the tens lose their last vowel before "uno" and "otto" ("ventuno", "trentotto")
    ("venti trenta quaranta cinquanta sessanta settanta ottanta novanta",
     "uno due tre quattro cinque sei sette otto nove", "units-after"),
    # German: units, "und", tens
    ("zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig neunzig",
     "ein zwei drei vier fünf sechs sieben acht neun", "und"),
    # Dutch: units, "en" ("ën" after an e), tens
    ("twintig dertig veertig vijftig zestig zeventig tachtig negentig",
     "een twee drie vier vijf zes zeven acht negen", "en"),
    # Hungarian: the tens' joining forms, then the units
    ("huszon harminc negyven ötven hatvan hetven nyolcvan kilencven",
     "egy kettő három négy öt hat hét nyolc kilenc", "units-after"),
)


def compound_numbers() -> dict[str, int]:
    """The words of 21..99 in the languages of ``COMPOUND_NUMBERS`` -> their values."""
    out: dict[str, int] = {}
    for tens_words, unit_words, join in COMPOUND_NUMBERS:
        for ten, tens in enumerate(tens_words.split(), start=2):
            for unit, word in enumerate(unit_words.split(), start=1):
                if join == "units-after":
                    head = tens[:-1] if tens[-1] in "aeiou" and word[0] in "aeiou" else tens
                    out[head + word] = ten * 10 + unit
                else:
                    glue = "ën" if join == "en" and word.endswith("e") else join
                    out[word + glue + tens] = ten * 10 + unit
    return out


#: "double oh", "triple six": the next digit said two or three times
REPEAT_WORDS = {2: "double doble doppio doppel dubbel dublu podwójne dvojité", 3: "triple triplo triple dreifach"}

#: words saying that the value after them (and a colon) is the reference of a file, a grant or a
#: project, whatever it looks like ("Aktenzeichen des Förderprojekts: 01IS22045B")
REFERENCE_WORDS = (
    r"grants?|agreements?|contracts?|contrat|contratto|contrato|umowa|smlouva|awards?|proposals?|"
    r"(?:proje|projekt|project|projet|progett|proyect|projecto|förder|forder)[^\W\d_]*|aktenzeichen|"
    r"geschäftszeichen|geschaftszeichen|fkz|dossier|invoice|ticket|tickets|case|ggus|doi|isbn|orcid|arxiv|"
    r"commit|release|version|build|job|jobid|task|batch"
)
#: words saying that the number after them is something else (an id, a grant, a ticket)
#: the local parts of an organisation's role mailboxes: the address reaches a desk, not a person
ROLE_MAILBOXES = (
    "support helpdesk help servicedesk service-desk info information contact contacts office "
    "secretariat secretariaat sekretariat secretaria segreteria secrétariat ops operations noc "
    "abuse postmaster hostmaster webmaster security cert csirt noreply no-reply do-not-reply "
    "ticket tickets "
    # an organisation's policy, privacy and legal desks ("policy@egi.eu", "dpo@", "datenschutz@")
    "policy policies privacy dpo gdpr legal compliance datenschutz "
    # a certificate authority's and a security team's desks ("ca@gridka.de", "ra@", "pki@", "irt@")
    "ca ra pki pka rao ca-admin ra-admin ca-support ca-operators ra-operators gridca irt soc infosec "
    "cybersecurity certificates "
    # the same desks in EGI's languages (a local part is written in ASCII)
    "podpora wsparcie pomoc tuki tugi kasutajatugi palaikymas pagalba atbalsts destek suport soporte suporte "
    "supporto assistenza hilfe ondersteuning stod stotte tamogatas podrska yardim asistencia kontakt kontakty "
    "kapcsolat yhteys contatto contacto sekretariat biuro kancelar ufficio oficina buero hotline servis "
    "serviciu segreteria secretariado "
    # an institution's billing, accounting and purchasing desks
    "billing invoice invoices invoicing accounting accounts finance payments procurement purchasing "
    "rechnung rechnungen buchhaltung finanzen einkauf facturation factures comptabilite compta achats "
    "fatture fatturazione contabilita amministrazione acquisti facturacion facturas contabilidad compras "
    "faturacao faturas contabilidade facturen facturatie boekhouding crediteuren inkoop faktury ksiegowosc "
    "finanse fakturace ucetni uctovnictvo fakturacia szamlazas penzugy konyveles laskutus kirjanpito "
    "fakturor fakturering ekonomi redovisning faktura regnskab regnskap facturare contabilitate logistirio "
    "racunovodstvo fakture racuni muhasebe fatura arved raamatupidamine rekini gramatvediba saskaitos "
    "buhalterija schetovodstvo "
    # an institution's press and communications desks
    "press presse media medien communications communication comms kommunikation presseabteilung "
    "prensa stampa imprensa pers prasa tisk sajto lehdisto press-office pressoffice "
    "komunikace komunikacja comunicazione comunicacion comunicacao iletisim "
    # an institution's training, events, courses and admissions desks ("training@", "events@",
    # "formation@", "koulutus@", "egitim@"), in EGI's languages as a local part writes them (ASCII)
    "training trainings events event courses course school schools workshop workshops registration "
    "registrations admissions admission enrolment enrollment education academy "
    "schulung schulungen kurse veranstaltungen anmeldung seminare weiterbildung fortbildung "
    "formation formations evenements inscription inscriptions cours ecole atelier ateliers "
    "formazione eventi corsi scuola iscrizioni didattica "
    "formacion eventos cursos escuela inscripciones admisiones matricula "
    "formacao escola inscricoes admissoes "
    "opleiding opleidingen cursussen evenementen inschrijving inschrijvingen toelating "
    "szkolenia szkolenie wydarzenia kursy rekrutacja rejestracja "
    "skoleni skolenia kurzy registrace prijimacky podujatia "
    "kepzes kepzesek rendezvenyek tanfolyam tanfolyamok felvetel "
    "instruire evenimente cursuri inscrieri admitere "
    "koulutus koulutukset tapahtumat kurssit ilmoittautuminen hakijapalvelut "
    "utbildning evenemang kurser anmalan antagning "
    "uddannelse arrangementer tilmelding optagelse opplaering pamelding opptak "
    "ekpaideusi ekdiloseis seminaria "
    "edukacija obuka tecajevi upisi prijave izobrazevanje dogodki tecaji vpis "
    "obuchenie kursove "
    "egitim egitimler etkinlik etkinlikler kayit "
    "koolitus koolitused uritused kursused vastuvott "
    "apmacibas pasakumi kursi uznemsana mokymai renginiai kursai priemimas"
).split()
#: local parts that stand for anybody's ("use the format user@example.org", "firstname.lastname@
#: cern.ch"): a form's template, no person's address (compared with the local part written plainly)
PLACEHOLDER_LOCAL_PARTS = (
    "user username user.name user_name name yourname your.name your_name your-name you someone somebody "
    "anybody anyone nobody foo bar foobar foo.bar xxx xxxx xyz abc test tester login account email e-mail "
    "mail address me firstname.lastname first.last firstname.surname name.surname givenname.surname "
    "vorname.nachname prenom.nom nome.cognome nombre.apellido imie.nazwisko jmeno.prijmeni "
    "voornaam.achternaam etunimi.sukunimi fornavn.etternavn fornamn.efternamn nume.prenume "
    "ime.prezime ime.priimek meno.priezvisko vezeteknev.keresztnev"
).split()
#: words naming an organisation's switchboard: the number after them is the institution's, public
#: a registry's or a protocol's word in any form ("protocollata con il numero", "registriert unter",
#: "iktatva", "zaevidováno pod č.j."): a number over a year after it ("0012345/2024") is the
#: document's number in the registry, not a phone
REGISTRY_STEMS = (
    r"protocoll|protokoll|protocol|protokół|protokoł|protokol|registr|regist|enregistr|aktenz|geschäftsz|"
    r"geschaftsz|kenmerk|zaaknummer|iktat|diari|journalis|journaliser|sygnatur|znak sprawy|jednac|spisov|"
    r"πρωτοκ|expedient|processo n|urudžben|evidenč|kayıt|evrak|dnro|dnr|repertorio|numero di prot|prot\. n"
)
#: a meeting's or webinar's word, in EGI's languages: a number grouped 3-4-4 right after it
#: ("Webinar 834 5521 9087", "Zoom-Meeting-ID: 912 3344 5566") is the meeting's id, not a phone
MEETING_ID_WORDS = (
    r"webinar|webinars|webinaire|webinario|webinário|webinář|webinár|webinárium|webinaari|webinarium|"
    r"webinarul|вебинар|вебінар|διαδικτυακό σεμινάριο|webinaras|vebinārs|veebiseminar|"
    r"meeting|meetings|zoom|zoom meeting|zoom-meeting|teams|webex|gotomeeting|jitsi|bigbluebutton|"
    r"videoconference|video conference|conference|konferenz|videokonferenz|besprechung|sitzung|"
    r"réunion|visioconférence|visio|conférence|riunione|videoconferenza|conferenza|reunión|videoconferencia|"
    r"conferencia|reunião|videoconferência|conferência|vergadering|videovergadering|spotkanie|"
    r"spotkania|wideokonferencja|schůzka|schůzky|porada|stretnutie|értekezlet|megbeszélés|"
    r"ședință|ședința|întâlnire|kokous|palaveri|möte|mötet|møde|mødet|møte|møtet|σύσκεψη|"
    r"συνάντηση|sastanak|sestanek|среща|sastanka|sestanka|toplantı|toplantısı|koosolek|"
    r"sanāksme|sapulce|susitikimas|posėdis|seminar|seminaire|séminaire|seminario|seminário|"
    r"cisco webex|ms teams|microsoft teams"
)
SWITCHBOARD_WORDS = (
    # (French "standard" alone is the English word too: with its article or "au" after it)
    r"le standard|au standard|du standard|par le standard|standard au|"
    r"pförtner|pforte|portineria|portaria|conserjería|omstilling|centrāle|komutatorius|telefonska centrala|"
    r"switchboard|main switchboard|front desk|reception desk|zentrale|telefonzentrale|vermittlung|"
    r"standard téléphonique|accueil téléphonique|centralino|centralita|central telefónica|"
    r"central telefônica|telefooncentrale|receptie|centrala telefoniczna|centrala|centralę|centrali|centralą|ústředna|ústredňa|"
    r"telefonközpont|központi szám|växel|växeln|sentralbord|omstillingsbord|puhelinvaihde|vaihde|"
    r"keskjaam|τηλεφωνικό κέντρο|τηλεφωνικό κέντρο του|коммутатор|телефонная станция|комутатор|"
    r"централа|централу|централи|централе|централом|централата|centralu|centralom|centrali instituta|"
    r"centrala telefonică|santral|מרכזייה|ტელეფონის ცენტრი|հեռախոսակայան|"
    r"sekretariat|secretariat|secrétariat|segreteria|secretaría|secretaria|secretariaat|sekretariát|"
    r"titkárság|γραμματεία|секретариат|секретаріат|standard :|standard:|standard téléphonique|"
    # an institution's general number, its service desk's and its conference bridge's
    r"standard de l'institut|standard de l'université|numéro du standard|general number|main number|"
    r"numéro général|allgemeine nummer|zentrale nummer|numero generale|número general|algemeen nummer|"
    r"hotline|support line|numéro du support|support national|service desk|servicedesk|helpdesk|"
    r"help desk|assistance téléphonique|conference bridge|bridge|dial-in|dial in|join by phone|"
    r"einwahlnummer|einwahl|numéro d'accès|numero di accesso|número de acceso|inbelnummer|numer dostępowy|"
    # an organisation's main number and its office, in EGI's languages and their cases ("DeiC's
    # hovednummer", "telefone geral", "centra sekretariāts", "Standard de l'Observatoire")
    r"main line|main office|hauptnummer|zentrale rufnummer|zentralnummer|sekretariats|"
    r"standard de l'\w+|standard de la \w+|standard du \w+|standard des \w+|standard d'\w+|standard général|"
    r"numéro central|numéro principal|numero centrale|numero principale|telefono generale|centralino dell'\w+|"
    r"teléfono general|teléfono central|número principal|centralita de la \w+|"
    r"telefone geral|número geral|linha geral|secretariado|secretaria geral|"
    r"hoofdnummer|algemeen telefoonnummer|centrale nummer|"
    # the general number in its cases and its other words ("unter der allgemeinen Nummer", "all'
    # numero generale", "pod ogólnym numerem", "na obecném čísle", "az általános számon")
    r"allgemeinen nummer|allgemeine rufnummer|allgemeinen rufnummer|allgemeine telefonnummer|"
    r"allgemeinen telefonnummer|zentralen nummer|zentralen rufnummer|numéro général de|numeri generali|"
    r"general phone number|general line|general enquiries|general inquiries|algemene nummer|algemene telefoonnummer|"
    r"ogólny numer|ogólnym numerem|numer ogólny|numerem ogólnym|obecné číslo|obecném čísle|obecného čísla|"
    r"všeobecné číslo|általános szám|általános számon|általános telefonszám|yleinen numero|yleisnumero|"
    r"yleisnumeroon|allmänna numret|allmänt nummer|generelle nummer|generelle nummeret|numărul general|"
    r"număr general|γενικό τηλέφωνο|γενικό αριθμό|opći broj|splošna številka|splošni številki|общия номер|"
    r"genel hat|üldnumbril|vispārējais numurs|bendrasis numeris|"
    r"numer główny|główny numer|numer centrali|sekretariatu|"
    r"hlavní číslo|hlavní linka|ústředny|ústřednu|sekretariátu|hlavné číslo|ústredne|sekretariátu|"
    r"központ|központi telefonszám|központi telefon|központi száma|titkárságot|titkárság száma|"
    r"număr central|numărul central|centrala telefonică a \w+|secretariatul|secretariatului|"
    r"vaihteen|vaihteeseen|vaihteesta|vaihteen numero|keskusnumero|sihteeristö|"
    r"växelnummer|växelns|huvudnummer|huvudnumret|kansli|kansliet|sekretariatet|"
    r"hovednummer|hovednummeret|hovednr|hovudnummer|omstillingen|sentralbordet|"
    r"κεντρικό τηλέφωνο|κεντρικό|τηλεφωνικό κέντρο|γραμματείας|"
    r"glavni broj|centrala ustanove|tajništvo|tajništva|tajništvu|glavna številka|tajništvo zavoda|"
    r"централата|централен телефон|секретариата|"
    r"santral numarası|santrali|genel numara|sekreterlik|sekreterliği|"
    r"üldtelefon|üldnumber|sekretariaat|sekretariaadi|"
    r"sekretariāts|sekretariāta|centrālais tālrunis|"
    r"sekretoriatas|sekretoriato|bendrasis telefonas|pagrindinis numeris"
)
#: words that name where to write to a service or an organisation's desk, before its address
#: ("general enquiries to", "obecné dotazy ... na", "TRUBA destek ekibine"): the address after
#: them, named after a service, is the desk's (a person's own address stays one)
DESK_ENQUIRY_WORDS = (
    r"general enquiries|general inquiries|general questions|press enquiries|press inquiries|media enquiries|"
    r"media inquiries|support team|communications team|helpdesk|help desk|service desk|"
    r"allgemeine anfragen|allgemeine fragen|presseanfragen|medienanfragen|support-team|supportteam|"
    r"questions générales|demandes générales|demandes presse|demandes de presse|relations presse|équipe support|"
    r"équipe de support|équipe communication|domande generali|richieste generali|richieste stampa|"
    r"ufficio stampa|team di supporto|consultas generales|preguntas generales|consultas de prensa|"
    r"equipo de soporte|perguntas gerais|questões gerais|pedidos de imprensa|equipa de suporte|"
    r"algemene vragen|persvragen|supportteam|pytania ogólne|ogólne pytania|zapytania prasowe|zespół wsparcia|"
    r"obecné dotazy|dotazy médií|všeobecné otázky|általános kérdések|sajtómegkeresések|"
    r"întrebări generale|solicitări de presă|yleiset kysymykset|mediakyselyt|allmänna frågor|pressfrågor|"
    r"generelle spørgsmål|generelle spørsmål|pressehenvendelser|γενικές ερωτήσεις|opća pitanja|"
    r"splošna vprašanja|общи въпроси|genel sorular|basın soruları|destek ekib|üldised küsimused|"
    r"vispārīgi jautājumi|bendri klausimai|"
    # questions of any kind, the stem alone ("Technické dotazy k MetaCentru prosím na meta@cesnet.cz",
    # "technical questions about LOFAR to lofar@...", "Fragen zu bwHPC bitte an ..."): the address
    # must still be the service's, named before it as services are
    r"question|enquir|inquir|fragen|anfrage|demandes|domande|richiest|pregunt|consult|pergunt|questõ|vragen|"
    r"pytan|zapytan|dotaz|otázk|otázok|kérdés|întreb|kysymy|tiedustel|fråg|spørgsm|spørsm|henvendel|ερωτήσ|"
    r"pitanj|vprašanj|въпрос|soru|küsimus|jautājum|klausim"
)
#: words naming an office or a service before its name ("l'ufficio della Direzione", "il servizio
#: certificati", "das Referat Beschaffung", "the Registry office"): a one-word mailbox named by the
#: word after them is that office's ("direzione@ct.infn.it"), in EGI's languages
OFFICE_NAMING_WORDS = (
    r"office|service|department|unit|desk|division|directorate|"
    r"büro|abteilung|referat|dienst|stabsstelle|geschäftsstelle|"
    r"bureau|service|département|direction|cellule|pôle|"
    r"ufficio|servizio|settore|area|divisione|sportello|"
    r"oficina|servicio|departamento|unidad|área|"
    r"gabinete|serviço|departamento|divisão|núcleo|"
    r"afdeling|dienst|bureau|"
    r"biuro|dział|działu|sekcja|sekcji|zespół|"
    r"oddělení|odbor|kancelář|služba|útvar|oddelenie|kancelária|"
    r"iroda|osztály|szolgálat|"
    r"biroul|biroului|serviciul|serviciului|departamentul|compartimentul|"
    r"toimisto|palvelu|yksikkö|avdelning|avdelningen|kansli|enhet|enheten|kontor|kontoret|tjeneste|tjenesten|"
    r"afdelingen|avdelingen|"
    r"γραφείο|υπηρεσία|τμήμα|διεύθυνση|ured|odjel|služba|pisarna|oddelek|"
    r"отдел|служба|офис|ofis|birim|hizmet|daire|"
    r"büroo|osakond|teenistus|talitus|birojs|nodaļa|dienests|biuras|skyrius|tarnyba"
)
#: what may stand between an office's word and its name: an article, or a preposition with its
#: article ("della", "des", "of the"); a bare "di", "von", "of" before a capitalised word is how a
#: person's office is named ("l'ufficio di Rossi"), refused
OFFICE_NAME_LINKS = (
    r"della|dello|delle|del|dei|degli|dell'|per la|per il|"
    r"des|der|dem|für|"
    r"de la|du|de l'|des|"
    r"de la|del|de los|de las|"
    r"da|do|dos|das|"
    r"van de|van het|"
    r"of the|for the|the"
)
#: a desk's word written before a service's name, as a title is ("Helpdesk MetaCentra:", "Support
#: LOFAR", "Podpora MetaCentra", "Servicedesk EOSC"): the capitalised word before the name is no given name
DESK_TITLE_WORDS = (
    "helpdesk help-desk servicedesk service-desk support user-support usersupport hotline desk team "
    "benutzerberatung nutzerberatung kundendienst hilfe assistance soutien assistenza supporto soporte "
    "suporte apoio ondersteuning gebruikersondersteuning podpora wsparcie pomoc tuki käyttäjätuki "
    "kasutajatugi tugi pagalba palaikymas atbalsts destek suport asistență asistenta támogatás "
    "ügyfélszolgálat podrška podrska služba stöd användarstöd støtte brugersupport υποστήριξη "
    "поддръжка подршка"
).split()
#: a desk's word in its cases, before a service's name the local part begins ("technickou podporu
#: MetaCentra zastihnete na adrese meta@...", "wsparcia PLGrid", "Unterstützung für bwHPC"); the
#: title words above are its first forms
DESK_TITLE_FORMS = (
    "helpdesku helpdesks helpdesken helpdeskin helpdeskiä servicedesku supports supportu supportet supporten "
    "unterstützung unterstutzung soutiens podporu podpory podpoře podpore podporou wsparcia wsparciu wsparciem "
    "pomocy tuen tukea tuesta käyttäjätuen kasutajatoe toe pagalbos palaikymo atbalsta desteği desteğe "
    "suportul suportului asistenței asistentei támogatását támogatása támogatást podrške podršci podršku "
    "podrske podrsku podpori podpore službe službu stödet støtten υποστήριξης поддръжката подршке "
    "assistência assistencia asistencia"
).split()
#: the words between a desk's word and the service's name ("support of LOFAR", "Hilfe für bwHPC")
DESK_NAME_LINKS = (
    "of for für fur von vom des der de du di del della dello van voor för for af til pro dla per para "
    "da do dos das tou tis του της за на"
).split()
#: a sentence saying the address after it is a desk's ("the public helpdesk address", "Adresse des
#: Supports", "adresa podpory", "destek adresi"): an address of a project's name and a desk's
#: word ("truba-destek@") is then the desk's
DESK_ADDRESS_WORDS = (
    r"helpdesk address|help desk address|support address|support e-mail address|support email address|"
    r"support e-mail|support email|support mailbox|service desk address|servicedesk address|helpdesk e-mail|"
    r"helpdesk email|helpdesk mailbox|address of the helpdesk|address of the support|"
    r"adresse des supports|adresse des helpdesks|supportadresse|support-adresse|helpdesk-adresse|helpdeskadresse|"
    r"adresse der hotline|support-e-mail|support-mailadresse|adresse du support|adresse de support|"
    r"adresse du helpdesk|adresse de l'assistance|adresse de l’assistance|adresse d'assistance|"
    r"indirizzo del supporto|indirizzo di supporto|indirizzo dell'assistenza|indirizzo dell’assistenza|"
    r"indirizzo di assistenza|indirizzo dell'helpdesk|indirizzo dell’helpdesk|indirizzo helpdesk|"
    r"dirección de soporte|dirección del soporte|dirección de asistencia|dirección del helpdesk|correo de soporte|"
    r"endereço de suporte|endereço do suporte|endereço do helpdesk|endereço de apoio|e-mail de suporte|"
    r"supportadres|helpdeskadres|adres van de helpdesk|adres van de support|"
    r"adres wsparcia|adres helpdesku|adres supportu|adres pomocy|"
    r"adresa podpory|adresu podpory|adrese podpory|adresa helpdesku|adresu helpdesku|adrese helpdesku|"
    r"támogatási cím|ügyfélszolgálati cím|helpdesk cím|helpdesk címe|helpdesk címére|támogatás címe|"
    r"adresa de suport|adresa suportului|adresa de asistență|adresa helpdesk|"
    r"tukiosoite|tukiosoitteeseen|tuen osoite|tuen osoitteeseen|helpdeskin osoite|helpdeskin osoitteeseen|"
    r"supportadress|supportadressen|helpdeskadress|helpdeskadressen|supportadresse|supportadressen|"
    r"brukerstøtteadresse|διεύθυνση υποστήριξης|διεύθυνση του helpdesk|"
    r"adresa podrške|adresu podrške|adresa za podršku|naslov za podporo|naslov podpore|naslov helpdeska|"
    r"адрес за поддръжка|адреса за поддръжка|destek adresi|destek adresine|destek adresimiz|helpdesk adresi|"
    r"yardım masası adresi|toe aadress|kasutajatoe aadress|tugiaadress|atbalsta adrese|atbalsta adresi|"
    r"pagalbos adresas|pagalbos adresu|palaikymo adresas"
)
#: a machine's word or a command near user@host ("die Maschine gridadm@ui01...", "on the node",
#: "ssh", "authorized_keys"): with a machine's name as the host's first label, an account there
MACHINE_WORDS = (
    r"machine|machines|host|hosts|server|servers|node|nodes|vm|vms|instance|box|worker node|"
    r"maschine|maschinen|rechner|knoten|serveur|serveurs|nœud|noeud|hôte|hote|macchina|macchine|nodo|nodi|"
    r"máquina|maquina|servidor|servidores|nó|knooppunt|maszyna|maszynie|maszyny|serwer|serwerze|węzeł|węźle|"
    r"stroj|stroji|stroje|serveru|uzel|uzlu|gép|gépen|gépet|szerver|szerveren|csomópont|mașina|mașină|mașinii|"
    r"nod|nodul|kone|koneella|koneen|koneelle|palvelin|palvelimella|palvelimen|solmu|maskin|maskinen|servern|"
    r"maskine|maskinen|tjener|tjeneren|μηχάνημα|μηχάνημα|διακομιστής|διακομιστή|κόμβος|κόμβο|poslužitelj|"
    r"poslužitelju|čvor|čvoru|strežnik|strežniku|vozlišče|машина|машината|сървър|сървъра|възел|makine|makinede|"
    r"makineye|sunucu|sunucuda|sunucuya|düğüm|masin|masinas|sõlm|mašīna|mašīnā|serveris|serverī|mezgls|mašina|"
    r"mašinoje|serveryje|mazgas|"
    # a command or a file of an account on a machine
    r"ssh|scp|sftp|sudo|login|authorized_keys|known_hosts|crontab|cron|home directory|shell|puppet|ansible"
)
#: the local parts of a machine's accounts, and their beginnings and ends: a service's, an
#: administrator's, a batch system's or a VO's pool account ("gridadm", "root", "cvmfs",
#: "atlasprd", "monitor"), no person's
MACHINE_ACCOUNT_STEMS = (
    r"root|adm|admin|grid|svc|srv|sys|sysadm|daemon|ops|mon|monitor|monitoring|nagios|icinga|zabbix|backup|"
    r"bkp|bot|robot|ansible|puppet|salt|deploy|jenkins|runner|condor|slurm|pbs|torque|cvmfs|xrootd|dcache|"
    r"voms|pilot|sgm|prd|pool|apel|argo|cron|build|operator|service|www|apache|nginx|tomcat|postgres|"
    r"mysql|oracle|ubuntu|centos|rocky|almalinux|debian|fedora|cloudadm|cloud-user|ec2-user|dteam"
)


#: statistical confidentiality, a topic: the rule that no cell identifying a respondent is
#: published ("le secret statistique ... impose de ne pas diffuser les cellules ..."): a sentence
#: about it states a rule of disclosure, it marks nothing
STATISTICAL_SECRECY = (
    r"statistical confidentiality|statistical secrecy|statistical disclosure|statistikgeheimnis|"
    r"statistisches geheimnis|statistischen geheimnisses|statistische geheimhaltung|statistischen geheimhaltung|"
    r"secret statistique|confidentialité statistique|segreto statistico|riservatezza statistica|"
    r"secreto estadístico|confidencialidad estadística|segredo estatístico|confidencialidade estatística|"
    r"statistische geheimhouding|tajemnica statystyczna|tajemnicy statystycznej|tajemnicą statystyczną|"
    r"statistická důvěrnost|statistické důvěrnosti|statistickou důvěrnost|statistické utajení|"
    r"statistická dôvernosť|štatistická dôvernosť|statisztikai titok|statisztikai adatvédelem|"
    r"confidențialitatea statistică|confidențialitate statistică|secretul statistic|tilastosalaisuus|"
    r"statistisk sekretess|statistisk fortrolighed|statistisk konfidensialitet|στατιστικό απόρρητο|"
    r"στατιστικού απορρήτου|statistička povjerljivost|statistična zaupnost|статистическа поверителност|"
    r"istatistiki gizlilik|statistiline konfidentsiaalsus|statistikas konfidencialitāte|statistinis konfidencialumas"
)
#: a parcel's or a shipment's tracking number and its carrier's words, in EGI's languages: the
#: number after them is the parcel's, not a phone's
SHIPMENT_TRACKING_WORDS = (
    r"tracking|tracking number|tracking no|tracking code|tracking id|track and trace|track & trace|"
    r"shipment number|consignment number|waybill|air waybill|awb|parcel number|"
    r"sendungsnummer|sendungsverfolgung|trackingnummer|tracking-nummer|paketnummer|paketschein|"
    r"numéro de suivi|suivi du colis|numéro de colis|numéro d'envoi|lettre de voiture|"
    r"numero di tracking|numero di spedizione|tracciamento|codice di tracciamento|lettera di vettura|"
    r"número de seguimiento|seguimiento|número de envío|número de rastreo|rastreo|"
    r"código de rastreio|rastreio|número de rastreamento|rastreamento|número da encomenda|"
    r"zendingnummer|trackingcode|volgnummer|vrachtbrief|"
    r"numer przesyłki|numer paczki|list przewozowy|numer listu przewozowego|śledzenie przesyłki|"
    r"číslo zásilky|sledování zásilky|číslo zásielky|sledovanie zásielky|"
    r"nyomkövetési szám|csomagszám|fuvarlevél|"
    r"număr de urmărire|numărul de urmărire|număr awb|"
    r"lähetystunnus|seurantakoodi|seurantanumero|lähetysnumero|rahtikirja|"
    r"kollinummer|sändningsnummer|spårningsnummer|kolli-id|forsendelsesnummer|sporingsnummer|pakkenummer|"
    r"αριθμός αποστολής|αριθμός παρακολούθησης|"
    r"broj pošiljke|broj za praćenje|praćenje pošiljke|številka pošiljke|sledilna številka|"
    r"номер на пратката|номер на пратка|товарителница|номер за проследяване|"
    r"takip|takip numarası|takip no|kargo takip|gönderi numarası|gönderi no|"
    r"saadetise number|jälgimiskood|jälgimisnumber|sūtījuma numurs|izsekošanas numurs|"
    r"siuntos numeris|siuntos sekimo numeris"
)
#: a manufacturing lot, batch, serial or part number's label ("Lot number of the disks: 0612 4893 07",
#: "S/N 0612 4893 07", "Chargennummer", "numéro de lot", "numero di lotto", "número de serie", "partia",
#: "šarže"): the digits after it name a product, nobody's phone ("lot" alone, English "a lot", only
#: before a colon or a sign)
LOT_SERIAL_WORDS = (
    r"lot number|lot numbers|lot no|lot nr|lot code|lot id|lot:|lot :|lot #|lot#|batch number|batch no|batch code|"
    r"serial no|serial nr|s/n|sn|p/n|part number|part no|part nr|model number|asset tag|asset number|"
    r"chargennummer|chargen-nr|charge-nr|chargennr|charge nr|chargen-nummer|losnummer|los-nr|serien-nr|"
    r"teilenummer|artikelnummer|sachnummer|fertigungsnummer|"
    r"numéro de lot|n° de lot|no de lot|du lot|de lot|lot n°|numéro de pièce|référence pièce|"
    r"lotto|di lotto|del lotto|numero di lotto|matricola|codice articolo|numero di parte|"
    r"lote|de lote|del lote|número de lote|número de pieza|número de parte|número de peça|"
    r"lotnummer|partijnummer|batchnummer|onderdeelnummer|"
    r"partia|partii|numer partii|nr partii|numer części|"
    r"šarže|šarža|šarži|číslo šarže|výrobní číslo|výrobné číslo|číslo dílu|číslo dielu|"
    r"gyártási szám|tételszám|sarzsszám|cikkszám|"
    r"număr de lot|numărul lotului|lotul|"
    r"eränumero|erä|osanumero|partinummer|tillverkningsnummer|varenummer|delenummer|"
    r"αριθμός παρτίδας|παρτίδα|σειριακός αριθμός|"
    r"broj lota|broj serije|lot broj|šarža broj|številka lota|številka serije|"
    r"партида|номер на партида|сериен номер|"
    r"lot numarası|parti numarası|seri numarası|seri no|parça numarası|"
    r"partii number|partiinumber|seerianumber|partijas numurs|sērijas numurs|partijos numeris|serijos numeris"
)
NOT_PHONE_WORDS = (
    # (hyphenated: "Job-ID:", "Ticket-Nr.", "Auftrags-Nr.")
    r"(?:job|run|ticket|case|request|task|build|order|invoice|auftrags|rechnungs|vorgangs|kunden)-(?:id|nr|no|number|nummer)|"
    r"ticket|tickets|ticketnummer|issue|case|rt|ggus|job|jobs|jobid|pid|uid|gid|grant|grants|"
    r"agreement|contract|project|projekt|proje|projet|progetto|proyecto|projecto|no|nr|n°|num|"
    r"number|numer|numero|número|nummer|cislo|číslo|szám|order|invoice|ref|reference|run|runs|"
    r"batch|task|request|pr|commit|build|version|release|serial|port|ports|id|ids|isbn|issn|"
    r"orcid|doi|pmid|arxiv|handle|hdl|epsg|dnr|päätös|decision|dossier|akte|aktenzeichen|"
    r"events|files|records|hours|cores|bytes|checksum|sum|size|zip|postcode|plz|vat|ust|kvk|"
    # a detector's channels and a DAQ's runs, a device's serial ("Laufnummern 060 123 4567",
    # "Numéro de série de la baie : 06 47 19 83 52 20")
    r"channel|channels|crate|slot|detector|detektor|kanal|canal|laufnummer|laufnummern|numéro|numéros|"
    r"série|serie|seriennr|serienummer|serial number|serials|canale|canali|kanál|kanały|csatorna|kanava|"
    r"raðnúmer|sarjanumero|serijski broj|serijska številka|numer seryjny|sériové číslo|sorozatszám|"
    # a document's registry or protocol number, as administrations file what they send and receive
    r"protocol|protocollo|protokoll|protokollnummer|protocole|protocolo|protocolnummer|protokół|protokołu|"
    r"číslo jednací|č\. ?j\.|čj|číslo spisu|iktatószám|iktatási szám|diaarinumero|diarienummer|journalnummer|"
    r"j\. ?nr\.?|saksnummer|arkivnummer|kenmerk|zaaknummer|registratienummer|eingangsnummer|"
    r"numéro d'enregistrement|enregistrement|registro|número de registro|expediente|processo|prot\.|"
    r"πρωτοκόλλου|αρ\. ?πρωτ\.?|πρωτ\.|изх\. №|вх\. №|urbroj|številka zadeve|evrak|"
    r"registreerimisnumber|registracijos numeris|înregistrare|"
    # an organisation's registry and tax numbers, in EGI's languages
    r"ičo|ičo:|dič|ič dph|iva|partita iva|p\. ?iva|codice fiscale|siret|siren|rcs|tva|n° tva|cif|nif|nipc|nip|"
    r"regon|krs|ust-idnr|ust-id|ustid|steuernummer|handelsregister|hrb|hra|registergericht|kbo|btw|"
    r"ondernemingsnummer|rsin|orgnr|org\.nr|organisationsnummer|organisasjonsnummer|cvr|y-tunnus|"
    r"registrikood|kmkr|cui|cod fiscal|reg\. com|adószám|cégjegyzékszám|įmonės kodas|pvm|"
    r"reģistrācijas numurs|pvn|vergi no|mersis|μητρώου|γεμη|еик|булстат|єдрпоу|инн|огрн|матични број|"
    r"oib|mbs|matična številka|davčna številka|ddv|vsk|kennitala fyrirtækis|"
    r"cpu|core|hour|година|godzin|kernstunden|horas|ore|heures|"
    # measurements, their series and samples ("Messreihe 0176/2345/678", "les mesures : 06 12 34 56 78")
    r"measurement|measurements|measured|series|sample|samples|messung|messungen|messreihe|messwerte|"
    r"probe|proben|mesure|mesures|misura|misure|medición|mediciones|medida|medidas|meting|metingen|"
    r"pomiar|pomiary|měření|mérés|mittaus|mätning|måling|μετρήσεις|измерения|"
    # orders, invoices and inventories, in EGI's languages
    r"inventory|inventar|inventarnummer|inventaire|inventario|inventaris|inwentarz|leltári szám|"
    r"bestellnummer|bestellung|auftragsnummer|auftrag|rechnungsnummer|rechnung|seriennummer|"
    r"commande|facture|ordine|fattura|pedido|factura|fatura|bestelling|bestelnummer|factuur|"
    r"zamówienia|zamówienie|faktura|faktury|objednávky|objednávka|objednávku|rendelés|rendelésszám|"
    r"számla|tilaus|tilausnumero|lasku|beställning|ordernummer|ordrenummer|ordre|παραγγελία|"
    r"τιμολόγιο|заказ|счёт|счет|замовлення|рахунок|narudžba|narudžbe|račun|sipariş|fatura no|"
    # a meeting's number (Webex, Zoom, Teams): published with the meeting, no one's phone
    r"meeting number|meeting id|meeting-id|meeting-kennnummer|kennnummer|conference id|webinar id|"
    r"zoom id|besprechungs-id|besprechungskennung|id de réunion|numéro de réunion|id riunione|"
    r"id de reunión|vergadering-id|identyfikator spotkania|id schůzky|id schôdze|megbeszélés azonosító|"
    # a parcel's tracking number ("Kargo takip numarası: 7381 4426 9910", "Sendungsnummer 1234 5678 9012")
    + SHIPMENT_TRACKING_WORDS
    + "|" + LOT_SERIAL_WORDS
)

# --- personal identifiers -----------------------------------------------------------------------

#: the verbs (and a few phrases) that join a word to its value in EGI's languages: "the password
#: is X", "das Passwort lautet X", "ο κωδικός είναι X", "CNP-ul meu este X"
COPULAS = (
    r"is|was|are|will be|has been|is now|now is|ist|lautet|lauten|war|wird|sind|est|était|sera|es|era|será|"
    r"è|é|e|era|sarà|is|wordt|blijft|är|blir|er|bliver|blir|on|oli|jest|je|bude|je|byl|bylo|van|lesz|"
    r"este|va fi|yra|ir|buvo|būs|ir|on|oli|είναι|ήταν|е|є|это|будет|буде|је|е|bo|je|היא|הוא|არის|է|dır|dir|"
    r"set to|reset to|changed to|updated to|now set to|changed into|zní|znie|brzmi|luidt|luiden|glasi|"
    r"është|eshte|هي|هو|hu|hija|huwa"
)

#: the copulas that only ever introduce a value, as "reads" does ("das Passwort lautet Sonnenblume",
#: "heslo zní ..."): a plain word after them is the value, not prose ("is set to expire" is prose)
VALUE_VERBS = r"lautet|lauten|luidt|luiden|zní|znie|brzmi|glasi|glasí|se glasi"
#: a pronoun and a copula saying what "it" is or was, a colon after them: in a short message that
#: has spoken of a password a sentence or two before, the value after the colon is the password
#: ("Lösenordet som jag fick ... fungerar inte. Jag har testat ..., det var: Grodan-Boll-42"); both
#: orders, in EGI's languages
IT_WAS_PHRASES = (
    r"it is|it was|it's|that is|that was|this is|this was|it used to be|the one i used was|"
    r"es ist|es war|das ist|das war|er ist|er war|es lautet|es lautete|er lautet|er lautete|war es|ist es|"
    r"c'est|c'était|c’est|c’était|il est|il était|elle est|elle était|ce fut|c'etait|"
    r"era|è|lo era|la era|era questa|questa era|esta era|era esta|fue|es esta|esta es|era esto|"
    r"foi|era essa|essa era|esta é|é esta|"
    r"het is|het was|dat is|dat was|die is|die was|was het|"
    r"to jest|to było|to był|było to|był to|brzmiało|brzmiał|"
    r"to je|to bylo|to byl|bylo to|byl to|je to|"
    r"to bolo|to bol|bolo to|bol to|"
    r"to je bilo|bilo je|bil je|bila je|je bilo|je bil|je bila|glasilo je|glasila je|"
    r"ez volt|az volt|ez az|ez lett|"
    r"este|era asta|aceasta era|asta era|a fost|"
    r"se on|se oli|se oli siis|tämä oli|"
    r"see on|see oli|oli see|"
    r"det är|det var|den är|den var|det er|den er|var det|"
    r"ήταν|είναι|αυτό ήταν|αυτός ήταν|"
    r"това е|това беше|беше|"
    r"buydu|şuydu|şu idi|bu idi|"
    r"tas ir|tas bija|tā ir|tā bija|bija|"
    r"tai yra|tai buvo|jis buvo|buvo"
)
#: "as follows" before a colon: the value comes after the colon ("das Passwort lautet wie folgt: ...")
#: the steps of a procedure, announced before a colon ("To reset your password, follow these steps:"):
#: instructions follow on the next lines, no value
STEPS_WORDS = (
    r"steps|instructions|procedure|schritte|schritten|anleitung|anweisungen|étapes|etapes|instructions|passaggi|"
    r"istruzioni|procedura|pasos|instrucciones|procedimiento|passos|instruções|procedimento|stappen|"
    r"instructies|kroki|kroków|instrukcje|instrukcji|kroky|kroků|krokov|pokyny|postup|postupu|lépések|lépéseket|utasítások|"
    r"steg|stegen|instruktioner|trin|vejledning|trinn|trinnene|vaiheet|ohjeet|ohjeita|pași|pașii|"
    r"instrucțiuni|instrucțiunile|βήματα|οδηγίες|стъпки|инструкции|koraci|korake|upute|koraki|navodila|"
    r"adımlar|adımları|talimatlar|sammud|samme|juhised|soļi|instrukcijas|žingsniai|instrukcijos"
)
AS_FOLLOWS = (
    r"as follows|the following|wie folgt|folgendes|folgende|comme suit|le suivant|come segue|il seguente|"
    r"come di seguito|como sigue|lo siguiente|como segue|o seguinte|als volgt|het volgende|następująco|"
    r"następujące|takto|následovně|následující|nasledovne|a következő|következő|seuraava|seuraavasti|"
    r"följande|som följer|som følger|følgende|după cum urmează|următoarea|ως εξής|το εξής|следующий|"
    r"следующее|следующим образом|наступний|наступне|sljedeća|sljedeće|sledeče|sledeča|şöyle|aşağıdaki"
)
#: names of national identity numbers, passports, identity cards, student and tax numbers
ID_WORDS = (
    r"dni|nie|nif|nie-nummer|pesel|nip|bsn|burgerservicenummer|sofinummer|nir|insee|teudat zehut|"
    r"n(?:uméro|umero|°) de sécurité sociale|sécurité sociale|securite sociale|numéro fiscal|"
    r"codice fiscale|cod\. fisc|tessera sanitaria|rodné číslo|rodne cislo|rč|personnummer|"
    r"samordningsnummer|henkilötunnus|henkilotunnus|hetu|cnp|cod numeric personal|"
    r"t\.?c\.? kimlik(?: no)?|kimlik no|tckn|isikukood|fødselsnummer|fodselsnummer|personnummer|"
    # with the definite ending of the Nordic languages ("fødselsnummeret mitt", "personnumret")
    r"fødselsnummeret|fodselsnummeret|personnummeret|personnumret|cpr-nummeret|isikukoodi|"
    r"cpr(?:-nummer|-nr)?|kennitala|afm|αφμ|amka|αμκα|ταυτότητα|ταυτότητας|αδτ|α\.δ\.τ|egn|егн|"
    r"личен номер|оib|oib|jmbg|јмбг|ембг|embg|emšo|emso|asmens kodas|personas kods|ahv|avs|steuer-?id|"
    r"steueridentifikationsnummer|sozialversicherungsnummer|svnr|ssn|social security(?: number)?|"
    r"national insurance(?: number| no)?|ni number|ni no|my ni|nino|pps(?: number)?|national id|id number|id no|id card|"
    r"identity card|identity number|personal id|personalausweis(?:nummer)?|ausweisnummer|ausweis|"
    r"carte d'identité|carte nationale d'identité|cni|carta d'identità|documento de identidad|"
    r"cartão de cidadão|bilhete de identidade|dowód osobisty|dowodu osobistego|občanský průkaz|"
    r"občiansky preukaz|személyi igazolvány|személyi szám|adóazonosító jel|adóazonosító jele|adóazonosító|adószám|személyi azonosító|taj-szám|taj szám|"
    r"identitetskort|id-kort|henkilökortti|henkilöllisyystodistus|buletin de identitate|"
    r"лична карта|паспорт|паспорта|закордонний паспорт|загранпаспорт|passport(?: no| number)?|"
    r"reisepass(?:-nr|nummer)?|pass-nr|passnummer|passeport|pasaporte|passaporto|passaporte|"
    r"paszport|paszportu|cestovní pas|cestovný pas|útlevél|pass|passi|pasas|pase|pasoš|putovnica|"
    r"potni list|pașaport|pasaport|pasaportu|διαβατήριο|διαβατηρίου|דרכון|ת\.ז|תעודת זהות|"
    r"პასპორტი|անձնագիր|"
    # Georgia's personal number and Armenia's social card, with the endings of "is" and "the"
    # ("ჩემი პირადი ნომერია", "սոցիալական քարտի համարը՝")
    r"პირადი ნომერი|პირადი ნომერია|პირადი ნომრით|პირადი ნომრის|პ/ნ|სოციალური ნომერი|"
    r"սոցիալական քարտի համարը|սոցիալական քարտի համար|սոցիալական քարտ|սոց\. քարտ|ՀԾՀ|հծհ|"
    r"matrikelnummer|matrikel-nr|matr\.-nr|matriculation number|student number|"
    r"student id|studentennummer|numéro étudiant|numero di matricola|matricola|número de matrícula|"
    r"numer indeksu|nr indeksu|numer albumu|nr albumu|studijní číslo|hallgatói azonosító|neptun-kód|"
    r"opiskelijanumero|studentnummer|tax number|tax id|tin|steuernummer|numéro de contribuable|"
    r"partita iva|número de contribuinte|contribuinte|"
    r"vergi no|vergi numarası|δου|"
    # passport numbers by their compounds, and health and social insurance numbers
    r"passport no\.?|passport#|passnr|reisepassnummer|numéro de passeport|n° de passeport|"
    r"numero di passaporto|número de pasaporte|número do passaporte|paspoortnummer|paspoort|"
    r"numer paszportu|nr paszportu|seria i numer paszportu|číslo pasu|číslo cestovního pasu|"
    r"číslo cestovného pasu|pas č|útlevélszám|útlevélszáma|útlevél száma|útlevél|passnummer|"
    r"passinummer|pasinumber|passnúmer|vegabréfsnúmer|vegabréf|pasaportes numurs|pases numurs|"
    r"paso numeris|broj putovnice|broj pasoša|broj potnega lista|numărul pașaportului|"
    r"număr pașaport|pasaport numarası|pasaport no|αριθμός διαβατηρίου|номер паспорта|серия паспорта|"
    r"паспорт серия|серия и номер паспорта|номер паспорта|номер паспорту|паспорт серії|"
    r"номер на паспорт|број на пасош|пасош|број пасоша|מספר דרכון|პასპორტის ნომერი|"
    r"անձնագրի համար|անձնագրի համարը|անձնագրի համարն|անձնագիրը|pasaporte zenbakia|pasaportea|nan zenbakia|taj|taj-szám|tajszám|társadalombiztosítási azonosító|krankenversichertennummer|"
    r"versichertennummer|sozialversicherungsnr|numéro de sécu|carte vitale|tessera sanitaria|"
    r"número de la seguridad social|nuss|número de utente|niss|zorgpas|numer ubezpieczenia|"
    r"číslo pojištěnce|číslo poistenca|zzzs|mbo|snils|снилс|инн|іпн|рнокпп|egn|"
    r"henkilötunnus|kela-kortti|sairausvakuutus|sjukförsäkring|sundhedskort|cpr-nr|"
    r"health insurance number|health card|insurance number|social insurance number|"
    # the inflected forms of agglutinative and Slavic languages ("henkilötunnukseni on ...",
    # "isikukoodiga", "személyi számom", "kimlik numaram", "rodného čísla", "asmens kodą")
    r"henkilötunnu(?:s|ksen|kseni|ksesi|ksemme|ksenne|ksensa|kseksi|ksella|kselle|ksesta|sta|kset)|"
    r"henkilotunnu(?:s|ksen|kseni|ksesi|sta)|hetu(?:n|ni|si|a)|sosiaaliturvatunnu(?:s|ksen|kseni|ksesi)|"
    r"passinumero(?:n|ni|si|a)?|opiskelijanumero(?:n|ni|si|a)|"
    r"isikukood(?:i|ist|iga|il|ile|iks|id|ini)|passi number|"
    r"személyi szám(?:om|od|a|át|omat|odat)|személyi igazolvány(?:om|od|omat|odat|a|t|szám|számom)|"
    r"adóazonosító(?:m|d|ja|jel|jelem|jelét)|taj-?szám(?:om|od|a|át|omat)|útlevelem|útlevelemet|útlevélszámom|"
    r"kimlik numara(?:m|mız|nız|sı|sını|mı)|kimlik numarası|kimlik no(?:m|su)|tc kimlik|pasaport numara(?:m|sı|mı)|"
    r"rodného čísla|rodným číslem|rodnému číslu|rodné číslo|čísla pasu|číslo občanského průkazu|"
    r"asmens kod(?:as|ą|o|u)|personas kod(?:s|u|a)|numerem pesel|numeru pesel|numer pesel|"
    r"numer dowodu(?: osobistego)?|numeru dowodu(?: osobistego)?|mojego peselu|peselu|"
    r"osobn(?:i|o|í|é) (?:identifikacijsk(?:i|o) )?(?:broj|číslo)(?: zaměstnance| zamestnanca)?|matični broj|matična številka|"
    r"codul numeric personal|codului numeric personal|numărul de identificare|"
    r"αριθμό ταυτότητας|αριθμός ταυτότητας|αριθμό διαβατηρίου|номер паспорта|номера паспорта|"
    r"личный номер|особистий номер|единен граждански номер|"
    # a person's number at work or at university, with the words between ("of the employee")
    r"employee number|employee id|employee no|staff number|staff id|personnel number|payroll number|"
    r"personalnummer|mitarbeiternummer|mitarbeiter-nr|personal-nr|numéro d'employé|numéro d'agent|"
    r"numéro de matricule|numéro d'étudiant|numéro d'étudiante|n° d'étudiant|numero di dipendente|"
    r"numero dipendente|número de empleado|número de empleada|número de empregado|número de funcionário|"
    r"personeelsnummer|werknemersnummer|numer pracownika|numer służbowy|"
    r"zaměstnanecké číslo|törzsszám|dolgozói azonosító|"
    r"anställningsnummer|medarbejdernummer|ansattnummer|ansattnr|henkilöstönumero|työntekijänumero|"
    r"töötaja number|darbuotojo numeris|darbinieka numurs|αριθμός μητρώου|αριθμός μητρώου εργαζομένου|"
    r"табельный номер|табельний номер|служебен номер|matični broj zaposlenika|numărul de angajat|"
    r"marca angajatului|sicil numarası|sicil no|personel numarası|öğrenci numarası|öğrenci no|"
    r"מספר עובד|თანამშრომლის ნომერი|աշխատողի համար|"
    # abbreviated and compound labels of a person's numbers at work, of insurance and identity cards,
    # of a person's tax number ("Personalnr.", "Versichertennr.", "Rentenversicherungsnummer",
    # "numer pracowniczy", "Α.Φ.Μ.", "davčna št.", "л.к. №", "lična karta")
    r"personalnr|pers\.-nr|pers\.nr|personeelsnr|anställningsnr|matricule|n° de matricule|n° matricule|"
    r"numer pracowniczy|nr pracowniczy|nr pracownika|numer ewidencyjny pracownika|osobné číslo|"
    r"versichertennr|versicherungsnummer|versicherungsnr|rentenversicherungsnummer|rentenversicherungsnr|"
    r"sozialversicherungsnummer|rv-nummer|rvnr|sv-nummer|sv-nr|kvnr|krankenversichertennr|"
    r"α\.φ\.μ\.?|α\. ?φ\. ?μ\.?|a\.f\.m\.?|α\.μ\.κ\.α\.?|davčna št\.?|dav\. št\.?|davčna stevilka|"
    r"л\.к\.?|л\. ?к\.?|l\.k\.?|lična karta|lične karte|lk br|broj lične karte|broj osobne iskaznice|osobna iskaznica|"
    r"номер на лична карта|лична карта №|"
    # mk, he (with the gershayim or a quote), ar, mt, ga, cs (ID card "OP"), pt-BR, hy ("my passport's")
    r"ембг|embg|ת\"ז|ת״ז|رقم الهوية|بطاقة الهوية|البطاقة الوطنية|رقم البطاقة الوطنية|"
    r"بطاقة التعريف الوطنية|رقم بطاقة التعريف|رقم جواز السفر|جواز السفر|جواز سفري|"
    r"karta tal-identità|karta tal-identita|tal-identità|tal-identita|numru tal-id|"
    r"numri personal|numri im personal|numri i identitetit|numri i identifikimit|nid|"
    r"uimhir psp|uimhir pps|číslo op|čísla op|č\. op|číslo občianskeho preukazu|cpf|"
    r"adóazonosító jelet|adóazonosító jelemet|անձնագրիս համարն|անձնագրիս համարը|անձնագրիս|"
    # tax, social security and pension numbers by their compounds and abbreviations
    r"steuer-identifikationsnummer|steuerliche identifikationsnummer|identifikationsnummer|steuer-idnr|"
    # the same by their abbreviations alone ("IdNr. 57 429 138 566", "St-IdNr", "Steuer-Id-Nr.", "TIN"),
    # and their neighbours' ("VSNR", "INSZ", "pers.nr", "fødselsnr", "personnr")
    r"idnr|st-idnr|st\.-idnr|st\.idnr|stidnr|steueridnr|steuer-id-nr|steuer-ident-nr|steuer-identnr|"
    r"tax identification number|tax identification no|taxpayer identification number|"
    r"vsnr|vs-nr|insz|insz-nummer|rijksregisternr|rrn|personnr|pers\.nr|pers\. nr|personnummer|"
    r"fødselsnr|fodselsnr|f\.nr|cpr-nr\.?|hetu-tunnus|isikukoodi nr|"
    r"rentenversicherungsnummer|versicherungsnummer|sv-nummer|sv-nr|sozialversicherungs-nr|"
    r"numéro fiscal de référence|numéro d'identification fiscale|numéro de sécurité sociale|"
    r"numero di previdenza|codice inps|número de identificación fiscal|número de afiliación|"
    r"número de segurança social|número de identificação fiscal|número de identificação da segurança social|"
    r"cartão de cidadão|número do cartão de cidadão|número de identificação civil|"
    r"fiscaal nummer|rijksregisternummer|rijksregister|sofi-nummer|numer nip|numer identyfikacji podatkowej|"
    r"daňové identifikační číslo|číslo sociálního pojištění|rodné číslo pojištěnce|"
    r"adóazonosító szám|társadalombiztosítási szám|skatteregistreringsnummer|skattenummer|"
    r"verotunniste|sosiaaliturvatunnus|codul de identificare fiscală|număr de asigurare|"
    r"mokesčių mokėtojo kodas|nodokļu maksātāja numurs|vergi kimlik numarası|vergi kimlik no|"
    r"αριθμός φορολογικού μητρώου|αριθμός μητρώου κοινωνικής ασφάλισης|"
    r"идентификационный номер налогоплательщика|страховой номер|"
    r"ідентифікаційний код|ідентифікаційний номер|реєстраційний номер облікової картки платника податків|"
    r"податковий номер|податковий код|данъчен номер|осигурителен номер|"
    r"porezni broj|broj osiguranja|davčna številka|številka zavarovanja|"
    r"national insurance no|social security no|sozialversicherungsnr|ppsn|pps no|"
    r"uimhir psp|m'uimhir psp|m'uimhir pps|uimhir phearsanta seirbhíse poiblí|psp|"
    r"מספר תעודת הזהות|תעודת הזהות|מספר זהות|מספר הזהות|מספרי זהות|מספרי הזהות|"
    # identity cards and their series, by language
    r"carta d'identità elettronica|carta d'identità|carta di identità|"
    r"carte d'identité nationale|documento nacional de identidad|documento de identificação|"
    r"identiteitskaart|identiteitsbewijs|id-kaart|eid-kaart|"
    r"cartea de identitate|carte de identitate|cărții de identitate|cartii de identitate|seria și numărul|"
    r"seria si numarul|seria și nr|numărul cărții de identitate|buletinul|buletinului|"
    r"osobní doklad|občianky preukaz|osebna izkaznica|osobna iskaznica|lična karta|лична карта|"
    r"ταυτότητάς μου|δελτίο ταυτότητας|удостоверение личности|посвідчення особи|id-карта|"
    r"henkilökorttini|isikutunnistus|asmens tapatybės kortelė|personas apliecība|kimlik kartı|kimlik kartım|"
    # driving licences
    r"driving licen[cs]e|driver's licen[cs]e|drivers licen[cs]e|driver licen[cs]e|licence number|"
    r"führerschein|führerscheinnummer|führerschein-nr|permis de conduire|patente di guida|patente|"
    r"numero di patente|numero patente|carnet de conducir|permiso de conducir|carta de condução|"
    r"carteira de motorista|rijbewijs|rijbewijsnummer|prawo jazdy|prawa jazdy|řidičský průkaz|řidičského průkazu|"
    r"vodičský preukaz|jogosítvány|vezetői engedély|körkort|körkortsnummer|kørekort|førerkort|"
    r"ajokortti|ajokortin numero|juhiluba|permis de conducere|permisul de conducere|"
    r"vairuotojo pažymėjimas|vadītāja apliecība|ehliyet|sürücü belgesi|δίπλωμα οδήγησης|"
    r"άδεια οδήγησης|водительское удостоверение|посвідчення водія|шофьорска книжка|"
    r"vozačka dozvola|vozačke dozvole|vozniško dovoljenje|ökuskírteini|רישיון נהיגה|"
    # an identity document said as such, and a residence card in the cases a sentence gives it
    # ("numer dokumentu tożsamości – wpisaliśmy RF4729183", "dostał kartę pobytu")
    r"identity document|identity document number|id document|travel document|travel document number|"
    r"dokument tożsamości|dokumentu tożsamości|dokumentem tożsamości|dokument podróży|dokumentu podróży|"
    r"kartę pobytu|karcie pobytu|kartą pobytu|ausweisdokument|ausweisdokuments|identitätsdokument|"
    r"reisedokument|reisedokuments|pièce d'identité|document d'identité|titre d'identité|document de voyage|"
    r"documento d'identità|documento di identità|documento di riconoscimento|documento di viaggio|"
    r"documento de viaje|documento de identidade|documento de viagem|identiteitsdocument|reisdocument|"
    r"doklad totožnosti|dokladu totožnosti|dokladem totožnosti|průkaz totožnosti|cestovní doklad|"
    r"cestovního dokladu|preukaz totožnosti|cestovný doklad|személyazonosító okmány|személyazonosságot igazoló okmány|"
    r"okmányazonosító|okmányszám|úti okmány|act de identitate|actul de identitate|actului de identitate|"
    r"document de identitate|document de călătorie|henkilöllisyysasiakirja|henkilöllisyysasiakirjan|"
    r"matkustusasiakirja|matkustusasiakirjan|identitetshandling|id-handling|resedokument|identitetsdokument|"
    r"rejsedokument|legitimasjon|reisedokument|έγγραφο ταυτότητας|εγγράφου ταυτότητας|ταξιδιωτικό έγγραφο|"
    r"identifikacijski dokument|identifikacijskog dokumenta|osobni dokument|osobnog dokumenta|putna isprava|"
    r"putne isprave|lični dokument|ličnog dokumenta|osebni dokument|osebnega dokumenta|potna listina|"
    r"документ за самоличност|документа за самоличност|документ, удостоверяющий личность|"
    r"документа, удостоверяющего личность|документ, що посвідчує особу|посвідка на проживання|"
    r"kimlik belgesi|kimlik belgesinin|seyahat belgesi|isikut tõendav dokument|isikut tõendava dokumendi|"
    r"reisidokument|personu apliecinošs dokuments|personu apliecinoša dokumenta|ceļošanas dokuments|"
    r"asmens dokumentas|asmens dokumento|asmens tapatybę patvirtinantis dokumentas|kelionės dokumentas|"
    # residence permits
    r"residence permit|residence card|permesso di soggiorno|carta di soggiorno|aufenthaltstitel|"
    r"aufenthaltstitels|aufenthaltserlaubnis|aufenthaltskarte|niederlassungserlaubnis|titre de séjour|"
    r"carte de séjour|permiso de residencia|tarjeta de residencia|tarjeta de identidad de extranjero|"
    r"autorização de residência|título de residência|verblijfsvergunning|verblijfsdocument|karta pobytu|"
    r"karty pobytu|povolení k pobytu|povolenie na pobyt|tartózkodási engedély|uppehållstillstånd|"
    r"uppehållstillståndskort|opholdstilladelse|oppholdstillatelse|oleskelulupa|oleskelulupakortti|"
    r"elamisluba|leidimas gyventi|uzturēšanās atļauja|permis de ședere|permisul de ședere|"
    r"oturma izni|ikamet izni|άδεια διαμονής|вид на жительство|посвідка на проживання|"
    r"разрешение за пребиваване|boravišna dozvola|dozvola boravka|dovoljenje za prebivanje|"
    r"dvalarleyfi|רישיון ישיבה|אשרת שהייה|"
    # a person's number at work, abbreviated
    r"staff no|staff nr|staff #|employee nr|personnel no|pers\.-nr|personalnr|matricule|n° de matricule|"
    r"numero di matricola dipendente|číslo zaměstnance|osobní číslo|osobné číslo|numer ewidencyjny|"
    r"anställningsnr|työntekijänumeroni"
)
#: words joining an id word to its value beyond the copulas: the abbreviations of "number" and
#: the copulas of languages that put them elsewhere ("n. CA...", "PSP ná 8372614K", "הוא ...")
ID_LINKS = (
    r"n|no|nr|nro|nº|n°|núm|num|numero|número|numéro|number|nummer|numer|numru|číslo|čísla|szám|száma|"
    r"numara|numarası|αριθμός|αρ|номер|номер:|број|broj|številka|numurs|numeris|numbrit|uimhir|"
    r"ná|הוא|היא|זה|is|ist|est|è|es|é|je|jest|to|on|är|er|este|είναι|е|є|это|це|dır|dir|lautet|zní|znie|brzmi|"
    r"luidt|glasi"
)
#: the words that name an account's number (or its bank's code) and nothing else: five digits
#: after them are enough ("clearingnummer 8327-9", "sort code 20-00-00")
SPECIFIC_ACCOUNT_WORDS = (
    r"account number|account no|acct no|acct|sort code|routing number|aba number|bsb|kontonummer|"
    r"kontonummern|kontonr|konto-nr|kontonummeret|kontonummeren|clearingnummer|clearingnr|clearing-nr|"
    r"bankleitzahl|blz|reg\.nr|reg\. nr|registreringsnummer|numer konta|numer rachunku|nr konta|nr rachunku|"
    r"číslo účtu|čísla účtu|číslo môjho účtu|číslo bankovního účtu|předčíslí|kód banky|számlaszám|számlaszámom|"
    r"számlaszámomra|bankszámlaszám|bankszámlaszámom|rekeningnummer|numéro de compte|n° de compte|"
    r"numero di conto|numero del conto|número de cuenta|número de conta|tilinumero|tilinumeroni|"
    r"kontonumber|sąskaitos numeris|konta numurs|numărul contului|număr de cont|hesap numarası|"
    r"hesap numaram|hesap no|αριθμός λογαριασμού|номер счёта|номер счета|номер рахунку|номер на сметка|"
    r"broj računa|broj tekućeg računa|številka računa|številka trr|број рачуна|број текућег рачуна|"
    r"број на сметка|број на сметката|מספר חשבון|מספר החשבון|reikningsnúmer|"
    r"kontonummer|bankgiro|plusgiro|postgiro"
)
#: words naming a bank account in EGI's languages, with their inflections: a long number after
#: one (ten digits at least, in any grouping) is the account ("na moje konto prywatne: 10 2030 ...",
#: "můj osobní účet 19-2000145399/0800", "a saját számlámra utalni: 11773016-...")
ACCOUNT_WORDS = (
    r"account|bank account|iban|iban-nr|iban-nummer|bank details|bankverbindung|bankkonto|konto|kontos|kontot|kontoen|kontoet|"
    r"konta|kontu|kontem|účet|účtu|účtem|účtě|účte|učet|bankszámla|bankszámlám|bankszámlámra|számla|"
    r"számlám|számlámra|számlára|számlát|számlámat|rekening|bankrekening|compte|compte bancaire|rib|"
    r"conto|conto corrente|cuenta|cuenta bancaria|conta|conta bancária|nib|tili|tilille|tilini|"
    r"pankkitili|pankkitilille|pankkitilini|arvelduskonto|arveldusarve|pangakonto|sąskaita|sąskaitą|sąskaitos|"
    r"konts|kontu|bankas konts|cont|contul|contului|cont bancar|hesap|hesabım|hesabıma|hesabımın|banka hesabı|"
    r"banka hesabım|λογαριασμός|λογαριασμό|λογαριασμού|τραπεζικός λογαριασμός|счёт|счет|счета|счёта|"
    r"расчётный счёт|банковский счёт|рахунок|рахунку|банківський рахунок|сметка|сметката|банкова сметка|"
    r"račun|računa|računu|tekući račun|žiro račun|transakcijski račun|tekoči račun|rachunek|rachunku|"
    r"rachunek bankowy|חשבון|חשבון בנק|חשבון הבנק|reikningur|reikninginn|bankareikning|bankareikningur|"
    r"konto bankowe|konta bankowego|bankovní účet|bankový účet|"
    # Serbian and Macedonian in Cyrillic ("текући рачун 160-...", "жиро-сметка"), and the
    # Slovenian and Croatian abbreviations of a current account ("TRR", "žiro-račun")
    r"рачун|рачуна|рачуну|текући рачун|текућег рачуна|жиро рачун|жиро-рачун|"
    r"девизни рачун|жиро сметка|жиро-сметка|трансакциска сметка|trr|žiro-račun|devizni račun|"
    # the specific ones: a shorter number after them is the account too
    + SPECIFIC_ACCOUNT_WORDS
)
#: the case number of a residence permit or an asylum application (the case points at its
#: applicant): after a residence permit word, a case word and its number
CASE_NUMBER_WORDS = (
    r"case number|case no|case|file number|reference number|application number|ärendenummer|ärende|"
    r"dnr|diarienummer|aktenzeichen|az\.|vorgangsnummer|geschäftszeichen|numéro de dossier|dossier|"
    r"numero di pratica|pratica|número de expediente|expediente|número do processo|processo|"
    r"zaaknummer|v-nummer|vreemdelingennummer|sygnatura sprawy|znak sprawy|číslo jednací|č\.j\.|"
    r"spisová značka|ügyszám|iktatószám|sagsnummer|saksnummer|diaarinumero|asianumero|menetluse number|"
    r"bylos numeris|lietas numurs|număr de dosar|dosar|dosya numarası|αριθμός φακέλου|номер дела|"
    r"номер справи|номер на преписка|broj predmeta|številka zadeve|מספר תיק"
)
#: "mine is" in EGI's languages: after a sentence asking for an id, the number that follows is the
#: writer's ("We need your CNP. Al meu este ...")
MINE_IS = (
    r"mine is|mine's|mine:|here is mine|al meu este|a mea este|meins ist|meiner ist|meine ist|meine lautet|"
    r"le mien est|la mienne est|voici le mien|il mio è|la mia è|ecco il mio|el mío es|la mía es|o meu é|"
    r"a minha é|mijn is|het mijne is|mój to|moja to|mój jest|moja jest|můj je|moje je|môj je|moje je|"
    r"az enyém|az enyém:|min är|mitt är|min er|mitt er|minun on|minu oma on|mano yra|mans ir|manējais ir|"
    r"benimki|мой —|мой:|мій —|мій:|моят е|мојот е|το δικό μου είναι|moj je|moja je|mój:"
)
#: words naming a vehicle's registration plate (the plate after them points at its owner)
PLATE_WORDS = (
    r"licen[cs]e plate|number plate|registration plate|car registration|kennzeichen|autokennzeichen|"
    r"kfz-kennzeichen|nummernschild|plaque d'immatriculation|numero di targa|targa dell'auto|targa auto|"
    r"matrícula del coche|matrícula do carro|kenteken|nummerplaat|nr rej\.?|numer rejestracyjny|"
    r"numerze rejestracyjnym|tablica rejestracyjna|spz|poznávací značka|evidenčné číslo|rendszám|rendszáma|rendszámom|rendszámú|"
    r"registreringsnummer|rekisterinumero|rekisterikilpi|numbrimärk|"
    r"valstybinis numeris|numura zīme|număr de înmatriculare|plăcuța de înmatriculare|plaka|plakası|"
    r"πινακίδα|αριθμός κυκλοφορίας|номерной знак|госномер|номерний знак|регистрационен номер|"
    r"registarska oznaka|registarske tablice|registrska tablica|регистарске таблице|לוחית רישוי|"
    r"מספר רכב|სახელმწიფო ნომერი|պետհամարանիշ"
)
#: words naming a plate that name other things too (a company's "immatriculation", a student's
#: "matrícula", a "targa" on a wall, a "rejestracja" for a workshop): a plate only beside a word of a
#: vehicle or of its parking ("mon immatriculation est GH-482-KT (Peugeot 308 grise)")
WEAK_PLATE_WORDS = (
    r"immatriculation|mon immatriculation|numéro d'immatriculation|targa|la targa|matrícula|matricula|"
    r"rejestracja|rejestracji|nr rejestracji|numer rejestracji|rejestracyjny|"
    r"registration|registration number|reg\.? no\.?|reg\.? number|registrering|registreringsnr|"
    r"rekisteritunnus|rekisterinumeroni|regnr|reg\.nr|značka|značky|značkou|evidenčné|kentekenplaat|"
    r"placa|número de placa|pinakida|plate|plate number|tablice|oznaka|număr auto|numărul mașinii|"
    # a plate word that names a plate only with its owner's possessive ("ma plaque est GH-417-KT",
    # "my plate is", "la mia targa", "mi placa", "a minha matrícula", "moja rejestracja")
    r"ma plaque|sa plaque|ta plaque|ma plaque minéralogique|mon numéro de plaque|my plate|my plate number|"
    r"his plate|her plate|my reg|la mia targa|mi placa|mi matrícula|a minha placa|a minha matrícula|"
    r"minha matrícula|mijn nummerplaat|moja rejestracja|moje tablice|moje značka|moja tablica|"
    r"az én rendszámom|plăcuța mea|numărul meu de înmatriculare|moja registracija|moje tablice|"
    r"min skylt|minun kilpeni|kilpeni"
)
#: one's own car named, then right after it (an "is" at most) its plate: "moj auto je ZG 4417-KT",
#: "mein Auto ist M-AB 1234"
OWN_CAR_WORDS = (
    r"my car|moj auto|moje auto|mój samochód|moje vozidlo|mein auto|mein wagen|mijn auto|ma voiture|"
    r"la mia auto|la mia macchina|mi coche|mi carro|o meu carro|min bil|bilen min|autoni|az autóm|"
    r"mașina mea|arabam|moj avto|mans auto|mano automobilis|minu auto|το αυτοκίνητό μου"
)
#: words of a vehicle or of its parking, which make a weak plate word name a plate
VEHICLE_WORDS = (
    r"my car|the car|a car|our car|her car|his car|rental car|company car|vehicle|parking|car park|garage|voiture|véhicule|vehicule|stationnement|auto|autos|wagen|"
    r"fahrzeug|pkw|parkplatz|tiefgarage|parkhaus|macchina|veicolo|parcheggio|coche|vehículo|aparcamiento|"
    r"estacionamiento|carro|viatura|veículo|estacionamento|parque|samochód|samochodu|samochodem|pojazd|pojazdu|"
    r"parking|parkingu|parkingowy|auta|autem|vozidlo|vozidla|vůz|parkoviště|parkovisko|parkovacie|parkovací|"
    r"autó|autóm|autómat|jármű|parkoló|parkolás|parkolóba|bil|bilen|parkering|auto|autoa|pysäköinti|"
    r"mașina|mașinii|masina|parcare|αυτοκίνητο|στάθμευση|automobil|parkiralište|parkirišče|avtomobil|"
    r"araba|aracım|otopark|autoparkla|auto|kenteken|peugeot|renault|citroën|volkswagen|vw|skoda|škoda|"
    r"toyota|ford|opel|fiat|bmw|audi|mercedes|volvo|dacia|kia|hyundai|tesla|nissan|parkeren|parkeerplaats|"
    r"parkeervergunning|parkeerbeheerder|parkeergarage|parkeerterrein|parkeerkaart|parkeerplek|parkausweis|"
    r"parkplätze|parkschein|parkticket|parking permit|parking space|parking spot"
)
#: an identity check, the step of a sign-up or a reset that asks a person for their date of birth:
#: a full date of a year someone alive was born in, told in its sentence, is theirs ("the
#: identity-verification step wanted the date in US order ... 05/22/1977 went through")
IDENTITY_CHECK_WORDS = (
    r"identity verification|identity-verification|identity check|identity-check|verify my identity|"
    r"verifying my identity|id verification|id check|kyc|know your customer|"
    r"identitätsprüfung|identitätsnachweis|identitätsbestätigung|vérification d'identité|vérification de l'identité|"
    r"verifica dell'identità|verifica dell’identità|verifica d'identità|verificación de identidad|"
    r"verificación de la identidad|verificação de identidade|verificação da identidade|identiteitscontrole|"
    r"identiteitsverificatie|weryfikacja tożsamości|weryfikacji tożsamości|ověření totožnosti|ověření identity|"
    r"overenie totožnosti|overenie identity|személyazonosság ellenőrzése|személyazonosító ellenőrzés|"
    r"identitetskontroll|identitetskontrollen|identitetsverifiering|identitetsbekræftelse|"
    r"henkilöllisyyden tarkistus|henkilöllisyyden vahvistus|isikusamasuse kontroll|isikutuvastus|"
    r"verificarea identității|verificarea identitatii|provjera identiteta|preverjanje identitete|"
    r"провера идентитета|проверка на самоличността|επαλήθευση ταυτότητας|kimlik doğrulama|kimlik doğrulaması|"
    r"tapatybės patvirtinimas|identitātes pārbaude"
)
#: words saying a date is somebody's date of birth (a date after them is personal)
BIRTH_WORDS = (
    r"date of birth|birth date|birthdate|birthday|dob|d\.o\.b|born on|born|b\.|geburtsdatum|"
    r"geboren am|geboren|geb\.|geb|né le|née le|né|née|date de naissance|data di nascita|nato il|"
    r"nata il|nato|nata|fecha de nacimiento|nacido el|nacida el|nacido|nacida|data de nascimento|"
    r"nascido em|nascida em|geboortedatum|geboren op|data urodzenia|urodzony|urodzona|urodz\.|ur\.|"
    r"roz\.|rođ\.|род\.|"
    # abbreviated birth labels of forms ("fecha de nac.: 07-11-1983", h72): the label's words cut short
    r"fecha de nac\.|fecha nac\.|f\. nac\.|f\. de nac\.|fec\. nac\.|fecha de nac|data de nasc\.|data nasc\.|"
    r"dt\. nasc\.|data di nasc\.|data nasc|dat\. nar\.|dát\. nar\.|datum nar\.|dat\. rođ\.|datum rođ\.|"
    r"dat\. rođenja|dat\. roj\.|datum roj\.|szül\. dát\.|szül\. dátum|szül\. idő|fødselsd\.|fødselsdat\.|"
    r"födelsed\.|födelsedat\.|date de naiss\.|date naiss\.|dt\. naiss\.|geboortedat\.|geb\. datum|geb\.dat\.|"
    r"geb\.-dat\.|dat\. ur\.|data ur\.|syntymäaik\.|synt\. aika|data naşt\.|data nașt\.|dat\. nașt\.|"
    r"doğ\. tar\.|doğum tar\.|sünnikp\.|dzim\. dat\.|gim\. data|ημ\. γέννησης|ημ/νία γέννησης|дата на раж\.|"
    r"datum narození|datem narození|data narození|dne narození|narozen|narozena|nar\.|dátum narodenia|"
    r"dátumom narodenia|dátumu narodenia|narodený|narodená|születési dátum|"
    r"születési idő|született|szül\.|födelsedatum|född|fødselsdato|født|syntymäaika|syntymäpäivä|"
    r"syntynyt|sünniaeg|sünnikuupäev|sündinud|ημερομηνία γέννησης|γεννήθηκε|γεν\.|"
    r"дата рождения|родился|родилась|дата народження|народився|народилася|дата на раждане|"
    r"роден|родена|datum rođenja|rođen|rođena|датум рођења|рођен|рођена|datum rojstva|rojen|"
    r"rojena|data nașterii|data nasterii|născut|născută|nascut|nascuta|gimimo data|gimęs|gimusi|"
    r"dzimšanas datums|dzimis|dzimusi|doğum tarihi|dogum tarihi|doğdu|doğumlu|תאריך לידה|נולד|"
    r"geburtstag|anniversaire|compleanno|cumpleaños|aniversário|urodziny|narozeniny|születésnap|"
    r"verjaardag|födelsedag|fødselsdag|syntymäpäivä|sünnipäev|день рождения|день народження|rođendan|"
    r"rojstni dan|ziua de naștere|gimtadienis|dzimšanas diena|doğum günü|γενέθλια|יום הולדת|"
    r"נולדה|დაბადების თარიღი|დაიბადა|ծննդյան ամսաթիվ|ծննդյան ամսաթիվը|ծնվել է|ծնվել|"
    # with a possessive or a case ending ("syntymäaikani", "születési dátumom", "doğum tarihim")
    r"syntymäaika(?:ni|si|nsa|mme|nne)|syntymäajan|syntymäpäivä(?:ni|si|nsä)|sünniaeg(?:a|ks)?|sünnipäev(?:a|aks)?|"
    r"születési dátumom|születési dátuma|születési időm|születésnapom|születtem|doğum tarihim|doğum tarihimi|"
    # a verb of being born, said of oneself ("som sa narodila 2. novembra 1984", "urodziłam się",
    # "nacqui il", "je suis née le", "nací el", "rođen sam", "föddes", "synnyin")
    r"narodila som sa|narodil som sa|som sa narodila|som sa narodil|narodila jsem se|narodil jsem se|"
    r"jsem se narodila|jsem se narodil|narodila sa|narodil sa|narodila se|narodil se|narodila|narodil|"
    r"urodziłam się|urodziłem się|urodziłam|urodziłem|urodziła się|urodził się|nacqui|sono nato|sono nata|"
    r"je suis né|je suis née|je suis né le|je suis née le|nací|nació|nasci|nasceu|nasci em|"
    r"rodila sam se|rodio sam se|rodila se|rodio se|rodila sem se|rodil sem se|rodil se|"
    r"föddes|jag föddes|jeg ble født|blev født|ble født|synnyin|syntyi|sündisin|sündis|gimiau|gimė|dzimu|"
    r"m-am născut|s-a născut|doğdum|γεννήθηκα|születtem|"
    r"doğum günüm|doğum tarihi olarak|geburtsdatums|geburtsdatum lautet|geb\.-datum|geb\.datum|"
    r"date de naissance est|data di nascita è|fecha de nacimiento es|data de nascimento é|"
    # "I was born", in the languages' own order
    r"i was born|je suis né|je suis née|sono nato|sono nata|nací|nasci|ben geboren|bin geboren|"
    r"urodziłem się|urodziłam się|narodil jsem se|narodila jsem se|narodil som sa|narodila som sa|"
    r"jag är född|jeg er født|jeg ble født|olen syntynyt|olen sündinud|gimiau|esmu dzimis|esmu dzimusi|"
    r"m-am născut|γεννήθηκα|я родился|я родилась|я народився|я народилася|роден съм|родена съм|"
    r"rojen sem|rojena sem|rođen sam|rođena sam|rugadh mé|נולדתי|fæddist|ég er fædd|ég er fæddur|"
    r"date of birth is|birthday is|data urodzenia to|datum narození je|"
    # with the definite ending of the Nordic languages and the case endings of others ("fødselsdatoen",
    # "födelsedatumet", "syntymäajaksi", "data nașterii mele")
    r"fødselsdatoen|fødselsdatoer|fodselsdatoen|födelsedatumet|födelsedatum|fæðingardagur|"
    r"geboortedatum van mij|mijn geboortedatum|születési dátumomat|születési dátumot|születési dátumként|"
    r"datum rođenja mi|datum rojstva mi|dátum narodenia|dátumom narodenia|datum narození mi|"
    r"data de nascimento|data nașterii mele|dzimšanas datumu|gimimo datą|sünnikuupäeva|syntymäajaksi|"
    # the other cases of the noun ("pomyliłam datę urodzenia - poprawna to 14 II 1986", "v datumu narození",
    # "greška u datumu rođenja", "датата на раждане")
    r"datę urodzenia|daty urodzenia|dacie urodzenia|datą urodzenia|datumu narození|datu narození|"
    r"datuma rođenja|datumu rođenja|datumom rođenja|datuma rojstva|datumu rojstva|датума рођења|датуму рођења|"
    r"датата на раждане|datei nașterii|datei nasterii|gimimo datos|dzimšanas datuma|ημερομηνίας γέννησης|"
    r"ημερομηνία γεννήσεως|"
    # the Hungarian possessive of "time" ("a vendég születési ideje: ..."), and a form's birth place and
    # date asked together ("Születési hely, idő:", "data i miejsce urodzenia", "lugar y fecha de nacimiento")
    r"születési ideje|születési idejét|születési idején|születési idejű|születési hely és idő|"
    r"születési hely, idő|születési helye és ideje|szül\. hely, idő|date and place of birth|"
    r"datum und ort der geburt|date et lieu de naissance|data e luogo di nascita|fecha y lugar de nacimiento|"
    r"data e local de nascimento|datum en plaats van geboorte|data i miejsce urodzenia|datum a místo narození|"
    r"dátum a miesto narodenia|data și locul nașterii|data si locul nasterii|datum i mjesto rođenja|"
    r"datum in kraj rojstva|дата и място на раждане|doğum yeri ve tarihi|doğum tarihi ve yeri"
)
#: month names and their inflections in EGI's languages: a date of birth may name its month
#: ("the third of March", "el nueve de mayo", "17. března")
MONTH_NAMES = (
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|"
    r"januar|februar|märz|mai|juni|juli|oktober|dezember|jänner|"
    r"janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|"
    r"gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|dicembre|"
    r"enero|febrero|abril|mayo|junio|julio|septiembre|setiembre|octubre|noviembre|diciembre|"
    r"janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|"
    r"januari|februari|maart|mei|augustus|"
    r"stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia|"
    r"ledna|února|března|dubna|května|června|července|srpna|září|října|listopadu|prosince|"
    r"januára|februára|marca|apríla|mája|júna|júla|augusta|septembra|októbra|novembra|decembra|"
    r"január|február|március|április|május|június|július|augusztus|szeptember|október|"
    r"tammikuuta|helmikuuta|maaliskuuta|huhtikuuta|toukokuuta|kesäkuuta|heinäkuuta|elokuuta|syyskuuta|"
    r"lokakuuta|marraskuuta|joulukuuta|jaanuar|veebruar|märts|aprill|juuni|juuli|"
    r"januari|mars|juni|juli|augusti|oktober|"
    r"ianuarie|februarie|martie|aprilie|iunie|iulie|septembrie|octombrie|noiembrie|decembrie|"
    r"ocak|şubat|mart|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık|"
    r"ιανουαρίου|φεβρουαρίου|μαρτίου|απριλίου|μαΐου|ιουνίου|ιουλίου|αυγούστου|σεπτεμβρίου|οκτωβρίου|"
    r"νοεμβρίου|δεκεμβρίου|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|"
    r"декабря|січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня|"
    r"януари|февруари|март|април|юни|юли|септември|октомври|ноември|декември|"
    r"siječnja|veljače|ožujka|travnja|svibnja|lipnja|srpnja|kolovoza|rujna|listopada|studenoga|prosinca|"
    r"januara|februara|marta|aprila|maja|juna|jula|avgusta|septembra|oktobra|novembra|decembra|"
    # da, no, sv, et, sl, lv, lt
    r"maj|marts|desember|oktoober|detsember|"
    r"januarja|februarja|junija|julija|"
    r"janvāris|februāris|aprīlis|maijs|jūnijs|jūlijs|augusts|septembris|oktobris|novembris|decembris|"
    r"janvārī|februārī|martā|aprīlī|maijā|jūnijā|jūlijā|augustā|septembrī|oktobrī|novembrī|decembrī|"
    r"sausio|vasario|kovo|balandžio|gegužės|birželio|liepos|rugpjūčio|rugsėjo|spalio|lapkričio|gruodžio|"
    # abbreviated, as forms and letters write them ("21 Sept 1988", "4 févr. 1979", "3. Okt. 1984",
    # "12 giu 1990", "7 wrz 1985"); not those that are words too ("out", "set", "ago", "gen", "sie", "lis")
    r"janv|févr|fevr|avr|juil|déc|jän|mär|okt|dez|mrt|ene|abr|dic|giu|lug|ott|fev|wrz|paź|gru|kwi|"
    r"febr|márc|ápr|jún|júl|szept|tammik|helmik|syysk|lokak|jouluk|iun|iul|velj|ožu|"
    r"rugs|spal|lapkr|gruod"
)
#: numbers spelled out, in the big languages, as parts of a word ("novecientos" is "nove" and
#: "cientos", "neunzehnhundertachtundachtzig" is "neunzehn", "hundert", "acht", "und", "achtzig"):
#: a word made of these is a number
NUMBER_MORPHEMES = (
    # en
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|"
    r"first|second|third|fifth|eighth|ninth|twelfth|twentieth|thirtieth|th|"
    # de
    r"ein|eins|zwei|drei|vier|fünf|sechs|sieben|sieb|acht|neun|zehn|elf|zwölf|zwanzig|dreißig|dreissig|"
    r"vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig|hundert|tausend|und|erste|ersten|dritte|dritten|"
    r"te|ten|ster|sten|ste|"
    # fr
    r"un|une|deux|trois|quatre|cinq|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|"
    r"trente|quarante|cinquante|soixante|cent|cents|mille|premier|"
    # it
    r"uno|una|due|tre|quattro|cinque|sei|sette|otto|nove|dieci|undici|dodici|tredici|quattordici|quindici|"
    r"sedici|diciassette|diciotto|diciannove|venti|vent|trenta|trent|quaranta|quarant|cinquanta|cinquant|"
    r"sessanta|sessant|settanta|settant|ottanta|ottant|novanta|novant|cento|mille|mila|primo|"
    # es
    r"dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince|dieciséis|diecisiete|"
    r"dieciocho|diecinueve|veinte|veinti|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa|cien|"
    r"ciento|cientos|quinientos|setecientos|novecientos|mil|primero|"
    # pt
    r"um|dois|duas|três|quatro|sete|oito|dez|doze|treze|dezasseis|dezesseis|dezassete|dezessete|dezoito|"
    r"dezanove|dezenove|vinte|trinta|quarenta|cinquenta|sessenta|oitenta|cem|centos|"
    # nl
    r"een|twee|drie|vijf|zes|zeven|negen|tien|twaalf|dertien|veertien|vijftien|zestien|zeventien|"
    r"achttien|negentien|twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig|honderd|duizend|en"
)
#: "born" in the sense of founded, for things rather than people: a year after it is not a birthday
WEAK_BIRTH_WORDS = (r"born on|born|né|née|nato|nata|nacido|nacida|geboren|"
                    # (the verbs said of a third person, a thing too: "the project was born", "nació en 2019")
                    r"narodila sa|narodil sa|narodila se|narodil se|narodila|narodil|"
                    r"urodziła się|urodził się|nació|nasceu|rodila se|rodio se|rodil se|föddes|syntyi|sündis|gimė|"
                    r"s-a născut|blev født|ble født")
#: what is "born" when it is founded: a site, a project, a service, a centre, a VO, a collaboration,
#: an infrastructure, in EGI's languages ("Il sito è nato il 17/09/2005", "le projet est né le",
#: "el centro nació el", "projekt se narodil"): the subject of a weak birth verb, its date no birthday
FOUNDED_THING_WORDS = (
    r"site|sites|sito|siti|sitio|sítio|standort|sajt|strona|lokalita|lokalitás|webbplats|project|projects|projekt|"
    r"progetto|proyecto|projet|projeto|projecto|projekti|proiect|proiectul|έργο|проект|projekat|projektas|projekts|"
    r"proje|projesi|service|services|servizio|servicio|serviço|dienst|usługa|služba|szolgáltatás|tjänst|tjeneste|"
    r"palvelu|serviciu|serviciul|υπηρεσία|услуга|usluga|storitev|hizmet|teenus|pakalpojums|paslauga|centre|center|"
    r"centro|zentrum|centrum|központ|keskus|centru|centrul|κέντρο|център|centar|merkez|centrs|centras|vo|vos|"
    r"collaboration|collaborazione|kollaboration|colaboración|colaboração|samenwerking|współpraca|spolupráce|"
    r"spolupráca|együttműködés|samarbete|samarbejde|samarbeid|yhteistyö|colaborare|συνεργασία|сътрудничество|"
    r"suradnja|sodelovanje|işbirliği|koostöö|sadarbība|bendradarbiavimas|infrastructure|infrastruttura|"
    r"infraestructura|infraestrutura|infrastruktur|infrastructuur|infrastruktura|infrastruktúra|infrastruktuuri|"
    r"infrastructură|υποδομή|инфраструктура|altyapı|taristu|infrastruktūra|cluster|grid|tier-1|tier-2|tier-3|"
    r"tier|initiative|iniziativa|iniciativa|initiatief|inicjatywa|iniciativa|consortium|consorzio|consorcio|"
    r"konsortium|konsorcjum|network|rete|red|netzwerk|réseau|rede|netwerk|sieć|síť|sieť|hálózat|nätverk|"
    r"netværk|nettverk|verkko|rețea|federation|federazione|federación|föderation|fédération|federacja|"
    r"facility|laboratory|laboratorio|laboratoire|labor|laboratorium|institute|istituto|instituto|institut|"
    r"instytut|ústav|intézet|university|università|universidad|universität|université|universidade|"
    r"universiteit|uniwersytet|univerzita|egyetem|universitet|yliopisto|universitate|community|comunità|"
    r"comunidad|communauté|gemeinschaft|community|gemeenschap|społeczność|komunita|közösség|idea|idee|idée|"
    r"platform|piattaforma|plataforma|plateforme|plattform|platforma|platformu|portal|portale|portail|"
    r"group|gruppo|grupo|groupe|gruppe|groep|grupa|skupina|csoport|grupp|ryhmä|grupul"
)
#: what puts a second date beside a birth date as a correction of it ("2007-03-22 instead of 1997-03-22",
#: "12.03.1985 statt 21.03.1985", "au lieu du", "zamiast", "helyett" after its noun is not caught)
CORRECTION_WORDS = (
    r"instead of|rather than|and not|not|but|or|vs\.?|versus|statt|anstatt|anstelle von|und nicht|nicht|oder|"
    r"au lieu de|au lieu du|et non|et pas|pas|ou|invece di|invece del|anziché|e non|non|o|en lugar de|en vez de|"
    r"y no|no|em vez de|e não|não|ou|in plaats van|en niet|niet|of|zamiast|a nie|nie|lub|místo|a ne|ne|nebo|"
    r"namiesto|alebo|nem pedig|nem|vagy|istället för|och inte|inte|eller|i stedet for|og ikke|ikke|eller|"
    r"sijaan|eikä|ei|tai|în loc de|și nu|nu|sau|yerine|değil|veya|αντί για|αντί|και όχι|όχι|ή|umjesto|a ne|"
    r"namesto|in ne|вместо|а не|не|или|замість|замест|vietoj|nevis|selle asemel|mitte"
)
#: words saying an address is somebody's home (a street address after them is personal)
#: the small words inside a street's name, between its capitalised words ("Laan van Meerdervoort",
#: "Burgemeester de Vlugtlaan", "Rue de la Loi", "Via dei Mille", "Am Alten Markt")
STREET_NAME_PARTICLES = (
    r"van|de|der|den|het|'t|ter|ten|von|vom|zum|zur|am|an|la|le|les|du|des|di|del|della|dei|degli|"
    r"da|do|dos|das|y|i|e|og|och|af|av|på|pod|nad|na"
)
HOME_WORDS = (
    r"home address|private address|my address|home|i live at|i live in|live at|privatadresse|privatanschrift|wohnadresse|"
    r"heimadresse|meine adresse|wohnhaft|wohne|ich wohne|zu hause|j'habite|habite|abito in|abito a|vivo en|"
    # living somewhere told by the verb, of oneself, one's family or somebody ("bydlíme na Údolní 48",
    # "wir wohnen in der Lindenstraße 4", "mieszkamy na ul. Polnej 3", "a Tó utcában lakunk")
    r"we live at|we live in|we live on|i live on|she lives at|he lives at|she lives in|he lives in|lives at|"
    r"wir wohnen|wohnen wir|er wohnt|sie wohnt|nous habitons|on habite|il habite|elle habite|abitiamo|abita in|abita a|"
    r"vivimos en|vive en|vivemos em|moramos em|moramos na|moramos no|mora em|mora na|mora no|wij wonen|we wonen|woont|"
    r"mieszkamy|mieszka na|mieszka w|bydlíme|bydlí|bývame|bývam|býva|lakunk|lakom|lakik|asumme|asuu|asuvat|"
    r"bor vi|vi bor|han bor|hon bor|hun bor|elame|elab|dzīvoju|dzīvojam|dzīvo|gyvenu|gyvename|gyvena|živim|živimo|živi|"
    r"locuiesc|locuim|locuiește|μένω|μένουμε|μένει|живея|живеем|живее|oturuyorum|oturuyoruz|"
    r"moro em|moro na|woon|ik woon|mieszkam|bydlím|bor på|bor i|asun|elan|живу|живу на|zu hause|zuhause|adresse personnelle|mon adresse|"
    r"domicile|à la maison|indirizzo di casa|mio indirizzo|residente|domicilio|dirección particular|"
    r"mi dirección|endereço residencial|minha morada|thuisadres|huisadres|thuis|mijn adres|"
    r"adres domowy|adres zamieszkania|mój adres|zamieszkały|zamieszkała|adresa bydliště|"
    r"adresa bydliska|adresu bydliska|adresa bydliště|adresu bydliště|miesto bydliska|místo bydliště|"
    r"domácí adresa|bydliště|bydlím|adresa trvalého pobytu|lakcím|lakcímem|otthoni cím|lakásomra|lakásomba|"
    r"lakásom|otthonomba|lakcíme|lakcímére|lakcímét|lakcímén|lakcímet|"
    r"hemadress|min adress|hjemmeadresse|privatadresse|kotiosoite|kotiosoitteeni|kodune aadress|"
    # the Nordic nouns in their definite forms ("til hjemmeadressen min, ...", "till hemadressen", "på
    # bopælsadressen"), and the Danish and Swedish words for a home's registered address
    r"hjemmeadressen|hjemmeadressa|hjemadresse|hjemadressen|privatadressen|privatadressa|hemadressen|"
    r"bostadsadress|bostadsadressen|bopælsadresse|bopælsadressen|bostedsadresse|bostedsadressen|"
    r"folkbokföringsadress|folkbokföringsadressen|kotiosoitteeseen|kotiosoitteeseeni|kotiosoitteen|"
    r"elukoht|διεύθυνση κατοικίας|η διεύθυνσή μου|домашний адрес|мой адрес|домашня адреса|"
    r"моя адреса|домашен адрес|моят адрес|адресът ми|адреса ми|адресът ни|адреса ни|"
    # the noun first, "my" after it, as Bulgarian, Romanian, Greek, Italian or Spanish say it, or the
    # address said to be one's own ("η διεύθυνση ... είναι η δική μου:", "the address ... is my own:")
    r"adresa mea|adresa noastră|η διεύθυνση μου|η διεύθυνσή μας|είναι η δική μου|είναι η δική μας|"
    r"l'indirizzo mio|indirizzo mio|la dirección mía|dirección mía|is my own|is my private one|"
    r"ist meine eigene|ist meine private|est la mienne|est mon adresse|è il mio indirizzo|es la mía|"
    r"é o meu endereço|is de mijne|is mijn eigen|jest moja własna|je moja vlastita|je moja lastna|je moje vlastní|"
    r"är min egen|er min egen|"
    r"on oma osoitteeni|on minun osoitteeni|е моят адрес|е моят личен|e a mea|benim adresim|adresim|"
    r"kućna adresa|moja adresa|domači naslov|adresa de domiciliu|"
    r"domiciliul|namų adresas|mājas adrese|ev adresi|ev adresim|כתובת מגורים|הכתובת שלי|"
    r"საცხოვრებელი მისამართი|բնակության հասցե|į namus|διεύθυνση του σπιτιού μου|σπιτιού μου|στο σπίτι μου|"
    # where one stays for now: with one's parents, in one's own flat ("working from my parents' place at ...")
    r"living at|i'?m living at|parents' place|parents' house|parents place|parents house|"
    r"my parents'|at my parents|my flat|my house|our house|my apartment|i moved to|we moved to|"
    r"bei meinen eltern|chez mes parents|dai miei genitori|en casa de mis padres|"
    r"bij mijn ouders|u rodziców|em casa dos meus pais|hos mina föräldrar|hos mine foreldre|"
    r"hos mine forældre|vanhempieni luona|u rodičů|u rodičov|a szüleimnél|la părinții mei|kod roditelja|"
    # is
    r"heim til mín|heima hjá mér|heimilisfang mitt|heimilisfangið mitt|lögheimili mitt|"
    # eu, gl, ca
    r"etxeko helbide(?:a|ra|an)?|nire helbide(?:a|ra|an)?|bizilekua|enderezo particular|o meu enderezo|"
    r"adreça particular|la meva adreça|domicili|"
    # a form's field for one's private address, in EGI's languages ("Privéadres:", "Adres prywatny:")
    r"privéadres|privé-adres|privé adres|privéadressen|adresse privée|indirizzo privato|indirizzo personale|"
    r"domicilio particular|dirección privada|dirección personal|morada pessoal|endereço pessoal|"
    r"endereço particular|morada de residência|adres prywatny|adres korespondencyjny prywatny|"
    r"soukromá adresa|súkromná adresa|magáncím|magán lakcím|yksityisosoite|privatadress|"
    r"adresă personală|adresa personală|ιδιωτική διεύθυνση|privatna adresa|osebni naslov|zasebni naslov|"
    r"личен адрес|частен адрес|özel adres|kişisel adres|eraaadress|isiklik aadress|privātā adrese|"
    r"personīgā adrese|asmeninis adresas|privatus adresas|personal address|private postal address|"
    # where one is registered or resides, as forms and letters name it
    r"residence|place of residence|permanent address|residential address|postal address at home|"
    r"wohnanschrift|meldeadresse|hauptwohnsitz|nebenwohnsitz|wohnsitz|wohnort|anschrift privat|"
    r"adresse du domicile|lieu de résidence|adresse de résidence|résidence|residenza|"
    r"indirizzo di residenza|luogo di residenza|domicilio fiscale|residencia|lugar de residencia|"
    r"dirección de residencia|domicílio|residência|woonadres|woonplaats|adres zameldowania|"
    r"miejsce zamieszkania|trvalé bydliště|trvalý pobyt|místo pobytu|trvalé bydlisko|bydlisko|"
    r"adresa trvalého bydliska|trvalý pobyt|miesto pobytu|állandó lakcím|lakóhely|tartózkodási hely|"
    r"bostadsadress|folkbokföringsadress|bopæl|bopælsadresse|bostedsadresse|folkeregistrert adresse|"
    r"vakituinen osoite|asuinpaikka|elukoha aadress|heimilisfang|lögheimili|gyvenamoji vieta|"
    r"gyvenamosios vietos adresas|deklarētā adrese|dzīvesvieta|domiciliu|adresa de reședință|"
    # "my home address" and "at my home" as letters and messages say it, declined
    r"mājas adresi|mājas adresē|manu adresi|namų adresą|mano adresas|mano adresu|koju|koduaadress|minu aadress|"
    r"kodune aadress|kotiosoitteeseeni|kotiini|u mňa doma|u mě doma|domácu adresu|domácí adresu|moju adresu|"
    r"kućnu adresu|kućna adresa|domači naslov|domov|adresa e shtëpisë|adresën e shtëpisë|adresa ime|"
    r"adresa de acasă|adresa mea|acasă la mine|домашния адрес|домашен адрес|вкъщи|кућну адресу|кућна адреса|"
    r"моју адресу|домашна адреса|мојата адреса|дома кај мене|домашню адресу|мою адресу|додому|"
    r"διεύθυνση σπιτιού|ev adresim|ev adresime|evime|lakcímemre|otthoni címem|otthoni címemre|"
    r"seoladh baile|mo sheoladh baile|mo sheoladh|indirizz tad-dar|l-indirizz tad-dar|l-indirizz tiegħi|"
    r"adreça de casa|a casa meva|enderezo da casa|na miña casa|etxera|სახლის მისამართი|ჩემი მისამართი|"
    r"տան հասցե|իմ հասցեն|כתובת הבית|"
    r"reședința|ikametgah|ikamet adresi|ikametgâh adresi|stalni naslov|naslov bivališča|"
    r"stalno prebivališče|prebivališče|prebivalište|prebivalište|stalno prebivalište|adresa stanovanja|"
    r"prebivalište|пребивалиште|боравиште|адреса становања|постоянен адрес|настоящ адрес|"
    r"адрес по прописке|адрес регистрации|адрес проживания|место жительства|прописка|"
    r"адреса проживання|місце проживання|зареєстрована адреса|живеалиште|адреса на живеење|"
    r"κατοικία|τόπος κατοικίας|μόνιμη κατοικία|מקום מגורים|כתובת מגורים|რეგისტრაციის მისამართი|"
    r"ფაქტობრივი მისამართი|բնակության վայր|գրանցման հասցե|"
    # "(send it) home, to the address", in each language's words and cases
    r"a casa|a mi casa|a casa mía|en casa|mi domicilio|chez moi|à mon domicile|à mon adresse personnelle|"
    r"minha casa|para casa|em casa|para a minha morada|casa mia|a casa mia|al mio indirizzo|"
    r"nach hause|zu mir nach hause|an meine adresse|an meine privatadresse|naar huis|naar mijn huis|"
    r"naar mijn huisadres|domů|domů na adresu|na mou adresu|na moji adresu|domov|domov, na naslov|"
    r"na domači naslov|na moj naslov|domov na naslov|domov na adresu|na moju adresu|na kućnu adresu|kući|"
    r"do domu|na mój adres|na adres domowy|haza|a lakcímemre|az otthoni címemre|"
    r"hem till mig|hem till|till min hemadress|hjem til meg|hjem til mig|til min adresse|kotiin|kotiosoitteeseeni|"
    r"kotiosoitteeseen|koduaadress|koduaadressi|koduaadressile|minu koduaadress|acasă|la adresa mea|"
    r"la domiciliu|į namus|mano namų adresu|uz mājām|uz manu mājas adresi|evime|ev adresime|ev adresimi|"
    r"ev adresim|ev adresine|στο σπίτι|στο σπίτι μου|στη διεύθυνση της κατοικίας μου|διεύθυνση της κατοικίας μου|"
    r"διεύθυνση κατοικίας μου|στη διεύθυνση του σπιτιού μου|домой|на домашний адрес|на мой домашний адрес|"
    r"домашн(?:ий|его|ему|им|ем|яя|юю|ей|ю|я|ьої|ьою|ього) адрес(?:а|у|ом|е|ою|и)?|додому|на мою домашню адресу|"
    r"домашню адресу|домашньої адреси|домашньою адресою|вкъщи|у дома|домашния ми адрес|домашния адрес|"
    r"на домашния ми адрес|дома|на домашна адреса|heim til|heim|הביתה|לכתובת הבית|לבית שלי|"
    # an address announced as one's own, sent "to me privately", or one's place or flat said to be at it
    # ("Lieber an mich privat: Lindenstraße 14, ...", "My place is at 14 Sea Road, ...")
    r"an mich privat|privat an mich|mich privat|an mich persönlich|privat zu mir|bei mir daheim|meine privatanschrift|"
    r"meine privatadresse|meine wohnung|meiner wohnung|meine wohnadresse|"
    r"my place is at|my place is in|my place is|to my place at|at my place|my flat is at|my flat is|my home is at|"
    r"my house is at|to me privately|privately to me|me privately|to me personally|to my private address|"
    r"à moi personnellement|à titre privé|à mon appartement|mon appartement|mon domicile|chez moi à|"
    r"a me privatamente|privatamente a me|a titolo privato|il mio appartamento|da me a casa|"
    r"a mí personalmente|a título particular|mi piso|a mi piso|mi casa está en|mi casa|"
    r"a mim pessoalmente|o meu apartamento|meu apartamento|a minha casa fica|minha casa fica|"
    r"privé naar mij|naar mij privé|mij privé|bij mij thuis|mijn appartement|mijn woning|"
    r"do mnie prywatnie|prywatnie do mnie|mnie prywatnie|moje mieszkanie|do mojego mieszkania|u mnie w domu|"
    r"mně soukromě|mi soukromě|můj byt|do mého bytu|ke mně domů|mne súkromne|mi súkromne|môj byt|do môjho bytu|"
    r"ku mne domov|nekem személyesen|magáncímemre|mie personal|apartamentul meu|la mine acasă|"
    r"minulle yksityisesti|asuntooni|asuntoni|till mig privat|privat till mig|min lägenhet|"
    r"til mig privat|privat til mig|min lejlighed|til meg privat|privat til meg|min leilighet|"
    r"σε μένα προσωπικά|το διαμέρισμά μου|meni privatno|privatno meni|moj stan|u moj stan|"
    r"meni zasebno|zasebno meni|moje stanovanje|лично на мен|апартамента ми|bana özel olarak|dairem|daireme|"
    r"mulle isiklikult|minu korter|minu korterisse|man personīgi|mans dzīvoklis|uz manu dzīvokli|"
    r"man asmeniškai|mano butas|į mano butą|"
    # "where do you live?" "I live at", as an interview's questions and answers say it
    r"vous habitez|tu habites|habitez-vous|où habitez-vous|where do you live|wo wohnen sie|wo wohnst du|"
    r"dove abita|dove abiti|dónde vive|dónde vives|onde mora|onde moras|waar woont u|gdzie pan mieszka|"
    r"gdzie pani mieszka|kde bydlíte|kde bývate|stanujem|stanuje|živim na|živim v|bivam na|bivam v|"
    r"živim u|stanujem u|stanujem na|bývam na|bývam v|lakom|mieszkam na|mieszkam przy|"
    # the address of a study's participant, an interview's speaker, a clinic's patient
    r"(?:address|adresse|adresa|adresou|adresu|adres|indirizzo|dirección|endereço|anschrift|naslov|cím|címe)"
    r" (?:of the |of a |of |du |de la |de l'|des |del |della |dello |dell'|de |do |da |des |der |van de )?"
    r"(?:participant|patient|informant|interviewee|respondent|speaker|donor|subject|proband|probanden|"
    r"teilnehmers|teilnehmerin|patienten|patientin|informátora|informanta|informantky|respondenta|"
    r"respondentky|pacienta|pacientky|pacjenta|paziente|partecipante|intervistato|paciente|participante|"
    r"entrevistado|deelnemer|patiënt|sudionika|ispitanika|govorca|govornika|anketiranca)|"
    r"wfh|working from home|work from home|home office|homeoffice|télétravail|smart working|teletrabajo|"
    r"thuiswerken|praca zdalna|home-office|"
    # a person "residing at", as a form, a notice or a letter about them says it
    r"residing at|residing in|resides at|resident at|domiciled at|domiciled in|living at|demeurant|"
    r"domicilié à|domiciliée à|domicilié au|domiciliée au|wohnhaft in|wohnhaft an|residente a|"
    r"residente in|residente en|residente em|residente na|residente no|woonachtig te|woonachtig aan|"
    r"woonachtig op|woonachtig|zamieszkały w|zamieszkała w|zamieszkały przy|zamieszkała przy|bytem|bytom|"
    r"bosatt i|bosatt på|bosatt|bosiddende|lakik|lakos|domiciliat în|domiciliată în|domiciliat|domiciliată|"
    r"κάτοικος|проживающий по адресу|проживающая по адресу|проживає за адресою|"
    r"живущ на|s prebivališčem|nastanjen na|nastanjen v|s prebivalištem|asuu osoitteessa|elab aadressil|"
    r"ikamet eden|yaşayan|גר ב|גרה ב|המתגורר ב|המתגוררת ב|"
    # the home a visa letter or a form asks for ("Heimatadresse", "իմ տան հասցեն")
    r"heimatadresse|heimatanschrift|adresse im heimatland|home country address|adresse de résidence habituelle|"
    r"տան հասցեն|իմ տան հասցեն|իմ հասցեն է|տան հասցեով|տան հասցեին|სახლის მისამართია|ჩემი მისამართია|"
    r"სახლის მისამართზე|სახლის მისამართით|ჩემს მისამართზე"
)
#: phrases that say a person is ill (health data, special under the GDPR): a leave or an absence
#: for illness, a diagnosis. Said of someone by nature; a server's "surgery" or "operation" is not
#: listed
HEALTH_PHRASES = (
    r"on sick leave|off sick|sick leave|on medical leave|medical leave|on sick note|signed off sick|"
    r"diagnosed with|has been diagnosed|was diagnosed|in hospital after|hospitalised|hospitalized|"
    r"krankgeschrieben|im krankenstand|krankenstand|krankheitsbedingt abwesend|diagnose[nt]? mit|"
    r"en arrêt maladie|arrêt maladie|en congé maladie|congé maladie|hospitalisée?|diagnostiquée? avec|"
    r"in malattia|in congedo per malattia|congedo per malattia|ricoverat[oa]|diagnosticat[oa] con|"
    r"de baja médica|baja por enfermedad|de baja por enfermedad|hospitalizad[oa]|diagnosticad[oa] con|"
    # a sick leave in its other tenses and persons ("he estado de baja tres semanas", "estive de baixa")
    r"estado de baja|estoy de baja|estuve de baja|estaba de baja|estaré de baja|estará de baja|sigo de baja|"
    r"sigue de baja|me dieron la baja|cogí la baja|estive de baixa|estou de baixa|esteve de baixa|está de baixa|"
    r"été en arrêt|suis en arrêt|était en arrêt|est en arrêt|sono stato in malattia|sono stata in malattia|"
    # a diagnosis said with whose it is, in the languages whose verb takes a pronoun ("που μου
    # διαγνώστηκε", "zdiagnozowano u mnie", "mi diagnostikovali")
    r"μου διαγνώστηκε|του διαγνώστηκε|της διαγνώστηκε|διαγνώστηκα|μου διαγνώσθηκε|του διαγνώσθηκε|"
    r"της διαγνώσθηκε|διαγνώσθηκα|διαγνώστηκε με|zdiagnozowano u mnie|zdiagnozowano u niego|"
    r"zdiagnozowano u niej|u mnie zdiagnozowano|u niego zdiagnozowano|u niej zdiagnozowano|"
    r"mi diagnostikovali|mu diagnostikovali|jí diagnostikovali|diagnostikovali mi|diagnostikovali mu|"
    r"byla mi diagnostikována|byl mi diagnostikován|mi diagnostikovali|diagnosztizáltak nálam|nálam diagnosztizáltak|"
    r"náluk diagnosztizáltak|nála diagnosztizáltak|ik ben gediagnosticeerd|is gediagnosticeerd met|"
    r"werd gediagnosticeerd|fick diagnosen|fik diagnosen|fikk diagnosen|minulla diagnosoitiin|"
    r"hänellä diagnosoitiin|am fost diagnosticat|a fost diagnosticat|a fost diagnosticată|am fost diagnosticată|"
    r"diagnosticado com|diagnosticada com|teşhisi kondu|"
    r"dijagnosticiran mi|dijagnosticirana mi|dijagnosticirali su mi|diagnosticirali so mi|диагностицираха ме|"
    r"ми диагностицираха|"
    # a diagnosis told with the verb of being diagnosed and whose it is, in each language's own
    # turn ("mám diagnostikovanou epilepsii", "bei mir wurde Epilepsie diagnostiziert", "on m'a
    # diagnostiqué", "I've been diagnosed with", "man diagnozavo")
    r"i've been diagnosed|i have been diagnosed|i had been diagnosed|she's been diagnosed|he's been diagnosed|"
    r"they diagnosed me|they diagnosed (?:him|her)|got diagnosed with|"
    r"mám diagnostikovan(?:ou|ý|é|a|o)|má diagnostikovan(?:ou|ý|é|a|o)|máme diagnostikovan(?:ou|ý|é)|"
    r"u mě diagnostikovali|u mě byla diagnostikována|u mě byl diagnostikován|diagnostikovali u mě|"
    r"u něj diagnostikovali|u ní diagnostikovali|byla mu diagnostikována|byl mu diagnostikován|byla jí diagnostikována|"
    r"mám diagnostikovan(?:ú|ý|é)|diagnostikovali mi|diagnostikovali jej|bola mi diagnostikovaná|bol mi diagnostikovaný|"
    r"(?:bei|an) (?:mir|ihm|ihr) wurde (?:\w+ ){0,3}diagnostiziert|wurde bei (?:mir|ihm|ihr) (?:\w+ ){0,3}diagnostiziert|"
    r"mir wurde (?:\w+ ){0,3}diagnostiziert|ich wurde (?:\w+ ){0,2}diagnostiziert|"
    r"on m'a diagnostiqué|on lui a diagnostiqué|m'a été diagnostiquée?|lui a été diagnostiquée?|"
    r"j'ai été diagnostiquée?|il a été diagnostiqué|elle a été diagnostiquée|"
    r"mi hanno diagnosticato|gli hanno diagnosticato|le hanno diagnosticato|mi è stat[oa] diagnosticat[oa]|"
    r"gli è stat[oa] diagnosticat[oa]|le è stat[oa] diagnosticat[oa]|sono stat[oa] diagnosticat[oa]|"
    r"me diagnosticaron|le diagnosticaron|me han diagnosticado|le han diagnosticado|me fue diagnosticad[oa]|"
    r"fui diagnosticad[oa]|me diagnosticaram|lhe diagnosticaram|foi-me diagnosticad[oa]|"
    r"bij mij is (?:\w+ ){0,3}vastgesteld|bij mij werd (?:\w+ ){0,3}vastgesteld|bij hem is (?:\w+ ){0,3}vastgesteld|"
    r"bij haar is (?:\w+ ){0,3}vastgesteld|"
    r"mam zdiagnozowan(?:ą|ego|e|y|a)|zdiagnozowano mi|zostałem zdiagnozowany|zostałam zdiagnozowana|"
    r"został zdiagnozowany|została zdiagnozowana|"
    r"jag har diagnostiserats|jag diagnostiserades|diagnostiserades med|jeg blev diagnosticeret|"
    r"blev diagnosticeret med|jeg ble diagnostisert|ble diagnostisert med|minulla on todettu|minulla todettiin|"
    r"minulla on diagnosoitu|sain diagnoosin|mul diagnoositi|mul on diagnoositud|"
    r"am fost diagnosticat[ăa]?|mi s-a diagnosticat|i s-a diagnosticat|"
    r"imam dijagnosticiran[aou]?|dijagnosticirana mi je|dijagnosticiran mi je|imam diagnosticiran[aoi]?|"
    r"tanısı kondu|tanısı konuldu|teşhisi konuldu|tanısı aldım|teşhisi aldım|"
    r"man diagnosticēja|man tika diagnosticēt[sa]|man ir diagnosticēt[sa]|"
    r"man diagnozavo|man buvo diagnozuot[ao]s?|jam diagnozavo|jai diagnozavo|"
    r"διαγνώστηκα με|μου έκαναν διάγνωση|"
    # a hospital stay and an operation said by the one who had them ("gulėjau ligoninėje, operavo
    # apendicitą", "leżałem w szpitalu", "I spent a week in hospital"): a first person's verb
    r"gulėjau ligoninėje|guliu ligoninėje|gulėjo ligoninėje|atsidūriau ligoninėje|"
    r"mane operavo|man operavo|jį operavo|ją operavo|buvau operuot(?:as|a)|operavo apendicit(?:ą|as)|"
    r"gulēju slimnīcā|guļu slimnīcā|nonācu slimnīcā|mani operēja|tiku operēt(?:s|a)|"
    r"lamasin haiglas|sattusin haiglasse|mind opereeriti|"
    r"makasin sairaalassa|jouduin sairaalaan|minut leikattiin|"
    r"leżałem w szpitalu|leżałam w szpitalu|trafiłem do szpitala|"
    r"trafiłam do szpitala|operowano mnie|miałem operację|miałam operację|"
    r"ležel jsem v nemocnici|ležela jsem v nemocnici|operovali mě|"
    r"ležal som v nemocnici|ležala som v nemocnici|operovali ma|"
    r"лежал в больнице|лежала в больнице|лежав у лікарні|лежала в лікарні|лежах в болница|"
    r"ležao sam u bolnici|ležala sam u bolnici|operirali su me|"
    r"ležal sem v bolnišnici|ležala sem v bolnišnici|operirali so me|"
    r"spent (?:a |two |three |several |the )?(?:\w+ )?(?:days?|nights?|weeks?) in (?:the )?hospital|"
    r"ich lag im krankenhaus|lag ich im krankenhaus|"
    r"j'ai été hospitalisée?|sono stat[oa] in ospedale|mi hanno operat[oa]|"
    r"estuve en el hospital|estuve ingresad[oa]|estive no hospital|estive internad[oa]|"
    r"ik lag in het ziekenhuis|lag ik in het ziekenhuis|in het ziekenhuis gelegen|"
    r"jag låg på sjukhus(?:et)?|låg på sjukhus(?:et)?|jeg lå på (?:hospitalet|sykehuset|sykehus)|"
    r"kórházban feküdtem|am stat în spital|am fost internat[ăa]?|am fost operat[ăa]?|"
    r"νοσηλεύτηκα|"
    r"de licença médica|licença médica|baixa médica|internad[oa] no hospital|"
    r"met ziekteverlof|ziekteverlof|ziek thuis|ziekgemeld|opgenomen in het ziekenhuis|"
    r"na zwolnieniu lekarskim|zwolnienie lekarskie|na zwolnieniu chorobowym|w szpitalu po|"
    # a leave, a stay in rehabilitation, an operation, said of somebody ("Tomek na zwolnieniu", "in die Reha")
    r"na zwolnieniu|na l4|in die reha|in der reha|zur reha|reha-klinik|in rehab|in rehabilitation|"
    r"en rééducation|en rehabilitación|in riabilitazione|na rehabilitacji|"
    r"operiert wird|operiert worden|wird operiert|wurde operiert|operated on|had surgery|having surgery|"
    r"undergoing surgery|è stato operato|è stata operata|verrà operato|verrà operata|fue operado|fue operada|"
    r"foi operado|foi operada|został zoperowany|została zoperowana|przeszedł operację|przeszła operację|"
    r"byl operován|byla operována|megműtötték|műtéten esett át|a fost operat|a fost operată|"
    r"blev opereret|blev opererad|ble operert|leikattiin|"
    # an operation told in the past or the passive, with whose body it was ("he had knee surgery",
    # "il a été opéré du genou", "wurde am Knie operiert", "jest po operacji"): in each language's own turn
    r"had (?:a |an |his |her |my |their )?(?:knee |hip |back |heart |eye |shoulder |spine |spinal |hand |foot |"
    r"ankle |wrist |emergency |major |minor |cancer |brain |bypass |cardiac |abdominal )?surgery|"
    r"underwent (?:an operation|surgery)|recovering from (?:his |her |my |their )?(?:\w+ )?(?:surgery|an operation|the operation)|"
    r"(?:a |ont |avoir |d'avoir )?été opérée?s?|être opérée?s?|se faire opérer|s'est fait opérer|"
    r"subi une (?:opération|intervention chirurgicale)|"
    r"(?:am|an der|an den) (?:knie|hüfte|herzen|herz|rücken|auge|augen|schulter|fuß|fuss|meniskus|bein|arm|hand|"
    r"kopf|bandscheibe|wirbelsäule|darm|blinddarm|magen|galle|lunge) operiert|notoperiert|operiert werden|"
    r"musste operiert|muss operiert|wurde er operiert|wurde sie operiert|"
    r"ha sido operad[oa]|me operaron|lo operaron|la operaron|le operaron|me van a operar|se operó|"
    r"fui operad[oa]|vai ser operad[oa]|fez uma cirurgia|fiz uma cirurgia|submetid[oa] a uma cirurgia|"
    r"sono stat[oa] operat[oa]|ha subito un intervento|ha subito un'operazione|si è operat[oa]|mi sono operat[oa]|"
    r"deve essere operat[oa]|intervento chirurgico al|"
    r"is geopereerd|werd geopereerd|ben geopereerd|wordt geopereerd|een operatie gehad|een operatie ondergaan|"
    r"był operowany|była operowana|jestem po operacji|jest po operacji|miał operację|miała operację|"
    r"je po operaci|jsem po operaci|podstoupil operaci|podstoupila operaci|bol operovaný|bola operovaná|"
    r"je po operácii|som po operácii|podstúpil operáciu|podstúpila operáciu|műtéte volt|megoperálták|"
    r"a suferit o intervenție chirurgicală|a suferit o operație|opererades|har opererats|er opereret|er operert|"
    r"on leikattu|χειρουργήθηκε|χειρουργήθηκα|έκανε εγχείρηση|έκανα εγχείρηση|operiran je|operirana je|"
    r"bio je operiran|bila je operirana|operisan je|operisana je|ameliyat oldu|ameliyat oldum|ameliyat olacak|"
    r"ameliyatı oldu|ameliyatı oldum|ameliyatı olacak|ameliyat geçirdi|ameliyat geçirdim|ameliyatı geçirdi|"
    r"ameliyatı geçirdim|ameliyat olacağım|ameliyat olmam gerek|hastanede yattım|hastanede yatıyorum|hastanede yatıyor|"
    r"hastanede yattı|hastanede kaldım|hastaneye kaldırıldım|hastaneye kaldırıldı|"
    r"оперираха|беше опериран|прооперировали|перенес операцию|перенесла операцию|прооперували|переніс операцію|"
    r"na nemocenské|nemocenská|v pracovní neschopnosti|práceneschopn[ýá]|"
    r"betegszabadságon|betegszabadság|táppénzen|"
    r"sjukskriven|sjukskrivning|sygemeldt|sykmeldt|sykemeldt|sairauslomalla|sairausloma|haiguslehel|"
    r"în concediu medical|concediu medical|hastalık izninde|hastalık izni|raporlu|"
    r"αναρρωτική άδεια|σε αναρρωτική|на больничном|больничный лист|на лікарняному|лікарняний|"
    r"в болничен|болничен лист|na bolovanju|bolovanje|na bolniški|bolniška odsotnost|"
    # a sick note in the Baltic languages and Czech's and Slovak's (a short field's bracket: "Ilze
    # Kalniņa (slimības lapa līdz 20.03.)", "(nedarbingumo pažymėjimas iki 04-15)", "(neschopenka do 20. 3.)")
    r"slimības lapa|slimības lapā|uz slimības lapas|slimības lapu līdz|darbnespējas lapa|darbnespējas lapā|"
    r"nedarbingumo pažymėjimas|nedarbingumo pažymėjime|nedarbingumo lapelis|nedarbingas|nedarbinga|"
    r"haigusleht|haiguslehe|haiguslehele|töövõimetusleht|töövõimetuslehel|"
    r"neschopenka|neschopenku|neschopence|na neschopence|na nemocenskej|práceneschopnosť|"
    # in hospital, in treatment: somebody's stay (said with its verb: "the hospital" alone is
    # also a biomedical VO's partner) and therapy
    r"is in hospital|was in hospital|been in hospital|is in the hospital|was in the hospital|"
    r"been in the hospital|in hospital after|in hospital since|in hospital with|ended up in hospital|"
    r"taken to hospital|rushed to hospital|admitted to hospital|admitted to the hospital|in intensive care|"
    r"chemotherapy|chemo|cancer treatment|radiotherapy|burnout|burn-out|mental health reasons|"
    r"liegt im krankenhaus|ist im krankenhaus|im krankenhaus nach|im krankenhaus seit|"
    r"ins krankenhaus eingeliefert|ins krankenhaus gekommen|auf der intensivstation|chemotherapie|strahlentherapie|"
    r"est à l'hôpital|à l'hôpital depuis|à l'hôpital après|en réanimation|chimiothérapie|radiothérapie|"
    r"è in ospedale|in ospedale da|in ospedale dopo|in terapia intensiva|chemioterapia|radioterapia|motivi di salute|"
    r"está en el hospital|en el hospital desde|en el hospital tras|ingresado en el hospital|ingresada en el hospital|"
    r"en la uci|quimioterapia|radioterapia|está de baja|esta de baja|estar de baja|de baja por|"
    r"está no hospital|no hospital desde|no hospital após|nos cuidados intensivos|"
    r"ligt in het ziekenhuis|in het ziekenhuis opgenomen|in het ziekenhuis sinds|op de ic|op de intensive care|"
    r"op de nicu|ligt op de nicu|chemokuur|chemotherapie|"
    r"jest w szpitalu|leży w szpitalu|w szpitalu od|na oiom-ie|chemioterapi(?:a|ę|i)|"
    r"je v nemocnici|leží v nemocnici|v nemocnici po|v nemocnici od|hospitalizován|hospitalizována|"
    r"chemoterapi(?:e|i)|chemoterapia|onkologické léčbě|onkologickej liečbe|"
    r"kórházban van|kórházban fekszik|kórházba került|kemoterápi(?:a|ás|án|ára|ába|ában|ából|áról|át|ám|ámra|"
    r"ája|ájára|ákra|ákon|ásra|ás kezelés|ás kezelésre|ás kezelésen)|sugárkezelésre|sugárkezelésen|"
    r"ligger på sjukhus|är på sjukhus|ligger på sjukhuset|cellgiftsbehandling|ligger på hospitalet|er på hospitalet|"
    r"ligger på sykehuset|er på sykehuset|kemoterapi|cellegift|"
    r"on sairaalassa|sairaalahoidossa|solunsalpaajahoido(?:ssa)?|on haiglas|viibib haiglas|keemiaravi|"
    r"este în spital|internat în spital|internată în spital|a fost internat|a fost internată|chimioterapie|"
    r"guli ligoninėje|chemoterapija|atrodas slimnīcā|ķīmijterapij(?:a|ā)|"
    r"hastanede yatıyor|hastaneye kaldırıldı|kemoterapi|"
    r"είναι στο νοσοκομείο|νοσηλεύεται|χημειοθεραπεία|χημειοθεραπείες|ακτινοθεραπεία|"
    r"лежит в больнице|находится в больнице|в реанимации|химиотерапи(?:я|ю|и)|лежить у лікарні|"
    r"перебуває в лікарні|у лікарні після|хіміотерапі(?:я|ю|ї)|е в болница|лежи в болница|химиотерапия|"
    r"je u bolnici|leži u bolnici|je v bolnišnici|leži v bolnišnici|kemoterapij(?:a|u|o)|hemoterapij(?:a|u)|"
    r"מאושפז|מאושפזת|כימותרפיה|liggur á spítala|lyfjameðferð|san ospidéal|"
    # psychiatric care, transplants, a diagnosis said of oneself or somebody
    r"psychiatric ward|psychiatric clinic|psychiatric hospital|nervous breakdown|mental breakdown|"
    # in psychiatric or psychotherapeutic treatment (said of somebody: "Nutzer in psychiatrischer
    # Behandlung", "sous traitement psychiatrique", "w leczeniu psychiatrycznym")
    r"in psychiatric treatment|under psychiatric care|in psychiatric care|receiving psychiatric treatment|"
    r"in psychiatrischer behandlung|in psychotherapeutischer behandlung|in stationärer psychiatrischer behandlung|"
    r"in psychiatrische behandeling|onder psychiatrische behandeling|en traitement psychiatrique|"
    r"sous traitement psychiatrique|suivi psychiatrique|in cura psichiatrica|in trattamento psichiatrico|"
    r"en tratamiento psiquiátrico|bajo tratamiento psiquiátrico|em tratamento psiquiátrico|"
    r"w leczeniu psychiatrycznym|na leczeniu psychiatrycznym|leczy się psychiatrycznie|v psychiatrické léčbě|"
    r"v psychiatrickej liečbe|pszichiátriai kezelésen|pszichiátriai kezelés alatt|pszichiátriai kezelésre|"
    r"i psykiatrisk behandling|under psykiatrisk behandling|psykiatrisessa hoidossa|psykiatrisella hoidolla|"
    r"în tratament psihiatric|sub tratament psihiatric|σε ψυχιατρική θεραπεία|υπό ψυχιατρική θεραπεία|"
    r"на психиатрично лечение|na psihijatrijskom liječenju|na psihiatričnem zdravljenju|psikiyatrik tedavi görüyor|"
    r"psikiyatrik tedavide|psühhiaatrilisel ravil|psihiatriskā ārstēšanā|psichiatriniame gydyme|"
    r"psychiatrische klinik|in die psychiatrie|nervenzusammenbruch|hôpital psychiatrique|dépression nerveuse|"
    r"reparto psichiatrico|esaurimento nervoso|planta de psiquiatría|hospital psiquiátrico|crisis nerviosa|"
    r"psychiatrische afdeling|szpital psychiatryczny|oddział psychiatryczny|psychiatrické léčebně|"
    r"bone marrow transplant|kidney transplant|liver transplant|heart transplant|organ transplant|"
    r"knochenmarktransplantation|stammzelltransplantation|greffe de moelle|trapianto di midollo|"
    r"trasplante de médula|transplante de medula|beenmergtransplantatie|po przeszczepie|przeszczep szpiku|"
    r"transplantace kostní dřeně|my diagnosis|her diagnosis|his diagnosis|mon diagnostic|son diagnostic|"
    r"meine diagnose|seine diagnose|ihre diagnose|la mia diagnosi|mi diagnóstico|su diagnóstico|"
    r"mijn diagnose|moja diagnoza|mi-temps thérapeutique|wiedereingliederung nach|"
    # a birth, a pregnancy, a leave for a child: family details said of somebody
    r"maternity leave|paternity leave|parental leave|gave birth|has given birth|had a baby|pregnant|"
    r"miscarriage|in the nicu|neonatal intensive care|"
    r"mutterschutz|elternzeit|in elternzeit|entbunden|hat entbunden|schwanger|fehlgeburt|"
    r"congé maternité|congé de maternité|congé paternité|congé de paternité|congé parental|a accouché|enceinte|"
    r"congedo di maternità|in maternità|congedo parentale|ha partorito|incinta|"
    r"baja de maternidad|baja por maternidad|baja de paternidad|baja por paternidad|ha dado a luz|dio a luz|embarazada|"
    r"licença de maternidade|licença parental|licença de paternidade|deu à luz|grávida|"
    r"zwangerschapsverlof|bevallingsverlof|ouderschapsverlof|is bevallen|net bevallen|zwanger|"
    r"urlop macierzyński|urlopie macierzyńskim|urlop rodzicielski|urlopie rodzicielskim|urodziła|w ciąży|"
    r"mateřská dovolená|na mateřské|rodičovská dovolená|na rodičovské|materská dovolenka|na materskej|"
    r"szülési szabadság|szülési szabadságon|gyeden|gyesen|"
    r"föräldraledig|mammaledig|pappaledig|barselsorlov|på barsel|fødselspermisjon|i foreldrepermisjon|"
    r"äitiyslomalla|isyyslomalla|vanhempainvapaalla|lapsehoolduspuhkusel|"
    r"concediu de maternitate|concediu de creștere a copilului|a născut|însărcinată|"
    r"motinystės atostogose|bērna kopšanas atvaļinājumā|doğum izninde|doğum izni|hamile|"
    r"άδεια μητρότητας|γέννησε|έγκυος|в декрете|в декретном отпуске|беременна|родила|"
    r"у декреті|в декреті|в декретній відпустці|вагітна|народила|в майчинство|майчинство|бременна|"
    r"porodiljni dopust|na porodiljnom|porodniški dopust|noseča|"
    r"חופשת לידה|ילדה לפני|בהריון|fæðingarorlof|saoire mháithreachais"
)
#: a medical condition or treatment, as part of a word ("Typ-1-Diabetes", "infarct", "operacija"),
#: in EGI's languages; with a place of care or a sick leave in its sentence, and somebody
#: (``PERSON_WORDS``) or a sick leave, the sentence says somebody is ill
CONDITION_STEMS: tuple[str, ...] = (
    "diabet", "infarct", "infarkt", "heart attack", "herzinfarkt", "cancer", "krebs", "cancro", "cáncer",
    "rakovin", "nowotw", "tumor", "tumour", "stroke", "schlaganfall", "ictus", "mrtvic", "udar", "inme",
    # a heart attack in Polish ("jest po zawale", "dostał zawału"; not "zawalony pracą", swamped), and a
    # heart attack or a stroke in the neighbours' words ("szívroham", "agyvérzés", "srdeční záchvat")
    "zawale", "zawału", "zawałem", "zawał serca", "miał zawał", "miała zawał", "szívroham", "agyvérzés",
    "srdeční záchvat", "srdcový záchvat", "srčni napad", "srčani napad", "porážk", "mozkovou příhod",
    "mozkové příhod", "cévní mozkov", "szívinfarktus",
    "surgery", "operation", "operación", "operação", "operazion", "operacij", "operaci", "operacj", "műtét",
    "leikkau", "operatsioon", "ameliyat", "εγχείρη", "операци", "операці", "fractur", "fraktur", "zlomen",
    "knochenbruch", "pneumon", "lungenentz", "zápal plic", "covid", "depress", "burnout", "pregnan",
    "schwanger", "enceinte", "incinta", "embarazad", "grávida", "zwanger", "ciąż", "těhotn", "dialys",
    "dialýz", "epilep", "asthma", "chemo", "sclerosi", "sklerose", "stent", "bypass", "kemoterap",
    # epilepsy named otherwise ("atak padaczki", "padúcnica", "epilepsziás roham" has its stem already)
    "padaczk", "padúcnic", "падучая", "эпилеп", "епілеп", "епилеп",
    # diabetes and its crises in the languages that name it otherwise ("mam cukrzycę", "cukrovka",
    # "šećerna bolest", "hipoglikemia"), pneumonia in Spanish, an operation in Czech ("operace kolene")
    "cukrzyc", "cukrovk", "šećern", "sladkorn", "диабет", "діабет", "hipoglik", "hypoglyk", "hypoglyc", "hipoglic",
    "hipogluc", "υπογλυκ", "гипоглик", "гіпоглік", "neumon", "pulmonía", "zapalenie płuc", "zapalenia płuc",
    "zapaleniem płuc", "zapaleniu płuc", "operace",
    # pneumonia in the languages that name it otherwise ("longontsteking", "tüdőgyulladás", "keuhkokuume")
    "longontsteking", "polmonit", "tüdőgyulladás", "lunginflammation", "lungebetændelse", "lungebetennelse",
    "keuhkokuume", "πνευμονί", "пневмони", "upala pluća", "upalu pluća", "pljučnic", "zápal pľúc", "zápalom pľúc",
    "kopsupõletik", "plaušu karsoni", "plaučių uždegim", "zatürre",
    # a surgery named by its Latin word ("após a cirurgia", "nach der Chirurgie" is a ward)
    "cirurgia", "cirugía", "chirurgie", "chirurgia", "operatie",
    # diabetes as the languages spell it otherwise ("dijabetes", "διαβήτης", "diyabet", "diabeet")
    "dijabet", "διαβήτ", "diyabet", "diabeet", "šećerna bolest", "šećernu bolest",
)
#: a heart attack or a stroke, in the languages' words and the Slavic case forms ("po infarktu",
#: "po zawale", "po mrtvici", "after my heart attack", "infarktus után", "sydänkohtauksen jälkeen"):
#: also conditions (``CONDITION_STEMS``); told as a time after which the writer is, in a short field,
#: the writer's health
HEART_ATTACK_STEMS = (
    "infarkt", "infarct", "infarto", "herzinfarkt", "heart attack", "stroke", "schlaganfall", "ictus", "mrtvic",
    "mŕtvic", "zawale", "zawału", "zawałem", "zawał serca", "szívroham", "agyvérzés", "szívinfarktus",
    "srdeční záchvat", "srdcový záchvat", "srčni napad", "srčani napad", "mozkovou příhod", "mozkové příhod",
    "cévní mozkov", "mozgovú príhod", "mozgovej príhod", "moždani udar", "moždanog udara", "možgansko kap",
    "možganske kap", "možganska kap", "crise cardiaque", "attacco cardiaco", "ataque cardíaco", "ataque cardiaco",
    "ataque al corazón", "hartaanval", "beroerte", "hjärtattack", "blodprop", "hjerteanfald", "hjerteinfarkt",
    "sydänkohtau", "aivohalvau", "atac de cord", "accident vascular", "kalp krizi", "έμφραγμ", "εγκεφαλικ",
    "инфаркт", "инсульт", "инсулт", "szélütés", "südameinfarkt", "infarkts",
)
CONDITION_STEMS += tuple(s for s in HEART_ATTACK_STEMS if s not in CONDITION_STEMS)
#: the writer's own, before a condition ("nach meinem Herzinfarkt", "after my stroke", "po mém infarktu")
FIRST_PERSON_POSSESSIVES = (
    r"my|mein|meinem|meiner|meines|meinen|mon|ma|mio|mia|il mio|la mia|mi|meu|minha|o meu|a minha|mijn|"
    r"mój|mojego|moim|mojej|mém|mého|mým|mojí|môj|môjm|mojom|mog|mojeg|mojem|mojo|moje|min|mitt|mit|minu|mana|mano|"
    r"μου|моего|моём|моя|моят|мојот"
)
#: an emergency department, as its own word (short names are other words' parts: "SOR-ze", "A&E"):
#: a place of care, where somebody "ended up" ("wylądowałem na SOR-ze z hipoglikemią")
EMERGENCY_WORDS = (
    r"emergency room|emergency department|a&e|accident and emergency|notaufnahme|notfallaufnahme|"
    r"aux urgences|les urgences|pronto soccorso|urgencias|urgência|urgências|spoedeisende hulp|"
    r"eerste hulp|sor|sor-ze|izba przyjęć|izbie przyjęć|urgentní příjem|urgentním příjmu|pohotovost|"
    r"pohotovosti|pohotovosť|pohotovosti|sürgősségi|sürgősségin|sürgősségire|akutmottagning|akutmottagningen|"
    r"akuten|skadestue|skadestuen|legevakt|legevakten|akuttmottak|päivystys|päivystykseen|päivystyksessä|"
    r"camera de gardă|urgențe|la urgență|στα επείγοντα|τμήμα επειγόντων|спешно отделение|спешното отделение|"
    r"приемный покой|приймальне відділення|hitna pomoć|hitnoj pomoći|hitnu pomoć|urgenca|urgenco|urgentni center|"
    r"acil servis|acil serviste|acile|erakorralise meditsiini|emo|neatliekamās palīdzības|priimamajame|skubios pagalbos"
)
#: a state of one person's health that no research topic is written as: a disability, an impairment,
#: a treatment one lives with ("her visual impairment", "il figlio disabile", "inzulinpumpát kapott",
#: "cukorbeteg", "depresja"): with somebody named or referred to in its clause, health data
PERSONAL_CONDITION_STEMS = (
    "visual impairment", "visually impaired", "hearing impairment", "hearing impaired", "mobility impairment",
    "partially sighted", "registered blind", "disabilit", "dizabilit", "disabile", "discapacid", "legge 104",
    "schwerbehind", "sehbehind", "gehbehind", "hörbehind", "mit behinderung", "grad der behinderung",
    "handicap", "gehandicapt", "invalidit", "invalidn", "inwalid", "niepełnospraw", "postižen", "fogyatékos",
    "vammai", "funktionsneds", "funktionshind", "handikap", "αναπηρ", "инвалид", "інвалід", "hendikep",
    "engelli", "neįgal", "deficiênc", "minusválid", "hörgeschädigt", "gehörlos", "malvoyant", "malentendant",
    "ipovedent", "niewidom", "niedowidz", "niedosłysz", "nevidom", "slabozrak", "gyengénlát",
    "insulin", "inzulin", "insuliin", "инсулин", "інсулін", "ινσουλ", "cukorbeteg", "cukrzyk", "diabet",
    "depres", "bandscheib", "herniated disc", "slipped disc", "panic attack", "anxiety disorder",
    # asthma, and a person who has it ("I am asthmatic", "sou asmática", "Asthmatikerin", "asztmás")
    "asthma", "asma", "astma", "asztma", "άσθμα", "астма", "asmátic", "asmatic", "astmati", "astmatik",
    "astmaatik", "ασθματικ", "астматик",
    "angststörung", "autis", "adhd", "dyslex", "legasthen",
    # dementia, Alzheimer's and Parkinson's disease, which a relative lives with ("майка ми е с
    # деменция", "mein Vater hat Demenz", "ma mère a la maladie d'Alzheimer"; "the dementia imaging
    # project" names nobody)
    "dementia", "demenz", "démence", "demenza", "demencia", "demência", "dementie", "demencj", "demenc",
    "demens", "dementi", "άνοια", "деменц", "деменция", "dementsus", "demenci", "demanș", "demenț",
    "alzheimer", "альцгеймер", "алцхаймер", "αλτσχάιμερ", "parkinson", "паркинсон", "πάρκινσον",
)
#: a person's family, of whom a condition is said ("per assistere il figlio disabile")
RELATIVE_WORDS = (
    "son daughter child kid wife husband partner mother father mum mom dad sohn tochter kind frau mann "
    "mutter vater fils fille enfant femme mari mère père figlio figlia bambino bambina moglie marito madre "
    "padre hijo hija niño niña esposa marido filho filha criança mulher mãe pai zoon dochter vrouw moeder "
    "vader syn córka dziecko żona mąż matka ojciec dcera dítě manželka manžel otec fia lánya gyerek "
    "feleség férj anya apa dotter barn fru mor far søn datter poika tytär lapsi vaimo äiti isä fiul fiica "
    "copilul soția soțul mama tatăl "
    # the other languages of EGI's members ("майка ми е с деменция", "η μητέρα μου έχει άνοια", "annem
    # Alzheimer hastası", "moja majka ima demenciju", "mu ema põeb dementsust")
    "майка майка баща съпруга съпруг съпругата съпругът синът дъщеря дъщеря дете детето мама татко "
    "μητέρα μητέρα πατέρας σύζυγος γιος κόρη παιδί μαμά μπαμπάς majka otac supruga suprug kći kćer "
    "dijete mož hči otrok abikaasa tütar māte tēvs sieva dēls meita motina tėvas žmona sūnus dukra "
    "annem babam eşim oğlum kızım matka dcéra dieťa máma táta anyám apám feleségem férjem fiam lányom "
    "äitini isäni vaimoni mieheni mamma pappa papà mamá papá hustru dottern sønnen datteren moren faren"
)
#: a person's pronoun in its other cases and possessives (``PERSON_WORDS`` has the subject's):
#: "hänellä on diabetes", "seine Reha", "jej niepełnosprawność"
PERSON_FORMS = (
    "hänellä hänen hänet hänelle häntä hänestä minulla minun neki nála neki övé seine seinem seiner ihm ihn "
    "ihre ihrem ihrer ses leur suo sua suoi sus su seu sua dele dela zijn haar hem jej jego niej niego "
    "jemu jeho její jí jim sein hans hennes hendes hennar hun hänen ему ей его её його її йому їй "
    "αυτός αυτή του της lui-même herself himself myself"
)
#: what a research topic's sentence says: its condition is a cohort's, a study's, a statistic's
#: (not "data" or "project": every sentence of a support case has them, "one of the new data managers")
RESEARCH_TOPIC_WORDS = (
    r"cohort|cohorts|patients|study|studies|study's|statistics|statistic|research|"
    r"population|prevalence|registry|trial|trials|model|models|pipeline|pipelines|workflow|workflows|"
    r"kohorte|studie|studien|statistik|forschung|étude|statistiques|recherche|studio|"
    r"statistiche|ricerca|estudio|estadísticas|investigación|estudo|onderzoek|"
    r"badanie|badania|statystyki|studie|statistiky|výzkum|kutatás|statisztika|tanulmány|"
    r"tutkimus|forskning|studien|μελέτη|исследование|дослідження|"
    r"raziskava|raziskave|raziskavi|raziskavo|istraživanje|istraživanja|istraživanju|cercetare|cercetarea|"
    r"studiu|studiul|studiului|výskum|výskumu|tyrimas|tyrimo|pētījums|pētījuma|uuring|uuringu|araştırma"
)
#: a hospital, a clinic, a sick leave: where or how somebody is cared for
CARE_STEMS = (
    "hospital", "krankenhaus", "klinik", "clinic", "spital", "hôpital", "ospedal", "ziekenhuis", "szpital",
    "nemocnic", "kórház", "sjukhus", "sygehus", "sykehus", "sairaal", "haigla", "ligonin", "slimnīc",
    "hastane", "νοσοκομ", "больниц", "лікарн", "болниц", "bolnic", "bolnišnic", "bolnišk", "bolovanj",
    "nemocensk", "krankgeschrieben", "krankenstand", "sick", "arrêt maladie", "malattia", "baja médica",
    "ziekteverlof", "zwolnien", "betegszabads", "sjukskriv", "sygemeld", "sykmeld", "sairausloma",
    # a ward one lies in ("leży na kardiologii", "leží na JIP", "az intenzíven fekszik", "in terapia intensiva")
    "kardiologii", "kardiologi w", "na kardiolog", "na kardiológi", "a kardiológi", "na jip", "na jis", "na ari", "na aro",
    "na oiom", "na oit", "na intensywnej", "intensywnej terapii", "intenzivní péč", "intenzívnej starostlivosti",
    "intenzív osztály", "intenzíven", "intensive care", "intensivstation", "terapia intensiva",
    "cuidados intensivos", "soins intensifs", "en réanimation", "intensive zorg", "intensivavdelning",
    "intensivafdeling", "teho-osasto", "tehohoi", "intenzivn", "μονάδα εντατικ", "εντατική",
)
#: the sick leave's own words: somebody's, with no other word saying whose
LEAVE_STEMS = ("bolnišk", "bolovanj", "nemocensk", "krankgeschrieben", "krankenstand", "ziekteverlof",
                "zwolnien", "betegszabads", "sjukskriv", "sygemeld", "sykmeld", "sairausloma")
#: what befalls somebody at work or in their studies: a suspension, a dismissal, a resignation, a
#: reprimand (said of a service too, "the project was suspended": only with a person's misconduct
#: or conflict in the sentence, ``TROUBLE_STEMS``, is it a person's employment trouble)
SANCTION_WORDS = (
    r"suspended|fired|dismissed|sacked|let go|resigned|quit|expelled|reprimanded|handed in (?:his|her|their) notice|"
    r"gave notice|given notice|formal warning|written warning|final warning|laid off|"
    r"suspendiert|entlassen|gekündigt|fristlos|abgemahnt|abmahnung|freigestellt|exmatrikuliert|"
    r"suspendu|suspendue|licencié|licenciée|renvoyé|renvoyée|démissionné|démission|exclu|exclue|blâme|"
    r"sospeso|sospesa|licenziato|licenziata|dimesso|dimessa|dimissioni|ammonito|ammonita|espulso|espulsa|"
    r"richiamo scritto|suspendido|suspendida|despedido|despedida|dimitió|dimitido|renunció|renunciado|"
    r"expulsado|expulsada|amonestado|amonestada|amonestación|suspenso|suspensa|demitido|demitida|"
    r"pediu demissão|demitiu-se|expulso|expulsa|advertência|geschorst|ontslagen|ontslag genomen|"
    r"ontslag gekregen|ontslag ingediend|ontslag|berisping|op non-actief|weggestuurd|zawieszony|zawieszona|"
    r"zwolniony dyscyplinarnie|zwolniona dyscyplinarnie|wyrzucony|wyrzucona|złożył wypowiedzenie|"
    r"złożyła wypowiedzenie|wypowiedzenie|nagana|naganę|upomnienie|suspendován|suspendována|propuštěn|propuštěna|"
    r"výpověď|vyloučen|vyloučena|důtka|důtku|suspendovaný|suspendovaná|prepustený|prepustená|výpoveď|vylúčený|"
    r"vylúčená|felfüggesztették|kirúgták|elbocsátották|felmondott|felmondtak|kizárták|avstängd|sparkad|"
    r"sparkades|sade upp sig|sa upp sig|avskedad|uppsagd|suspenderet|fyret|afskediget|sagde op|opsagt|"
    r"bortvist|suspendert|sparket|avskjediget|sa opp|oppsagt|erotettiin|irtisanottiin|irtisanoutui|"
    r"suspendat|suspendată|concediat|concediată|demisia|demisionat|exmatriculat|ανεστάλη|απολύθηκε|"
    r"παραιτήθηκε|αποβλήθηκε|отстранен|отстранена|уволнен|уволнена|уволен|уволена|уволился|уволилась|"
    r"звільнено|звільнили|suspendiran|suspendirana|otpušten|otpuštena|dao otkaz|dala otkaz|dobio otkaz|dobila otkaz|"
    r"odpuščen|odpuščena|dal odpoved|dala odpoved|dobil odpoved|"
    r"uzaklaştırıldı|kovuldu|işten çıkarıldı|istifa etti|vallandati|töölt vabastati|atlaists|atlaista|"
    r"atleistas|atleista|atsistatydino|"
    # the measure's noun ("dismissal after an HR investigation", "Kündigung wegen Pflichtverletzung")
    r"dismissal|suspension|termination|kündigung|entlassung|licenciement|mise à pied|licenziamento|sospensione|"
    r"despido|despedimento|demissão|schorsing|zwolnienie|zwolniony|zwolniona|propuštění|prepustenie|elbocsátás|"
    r"concediere|απόλυση|уволнение|otkaz|odpoved|irtisanominen|avsked|afskedigelse|işten çıkarılma"
)
#: a sanction that is a person's employment record by itself, no misconduct named: a written or
#: formal warning, a reprimand, a warning from HR, a summary dismissal ("Sven heeft een schriftelijke
#: waarschuwing van HR gekregen", "hat eine Abmahnung bekommen", "a reçu un avertissement", "dostał
#: naganę", "was given a written warning")
RECORDED_SANCTIONS = (
    r"written warning|formal warning|final warning|official warning|warning from hr|warning from human resources|"
    r"was reprimanded|been reprimanded|a reprimand|summarily dismissed|"
    r"abmahnung|abgemahnt|schriftliche verwarnung|verwarnung von der personalabteilung|fristlos gekündigt|fristlos entlassen|"
    r"a reçu un avertissement|reçu un avertissement|avertissement écrit|avertissement disciplinaire|avertissement de la drh|"
    r"avertissement des rh|un blâme|licencié pour faute|richiamo scritto|richiamo formale|lettera di richiamo|"
    r"ammonizione scritta|ha ricevuto un richiamo|amonestación por escrito|advertencia por escrito|"
    r"carta de amonestación|advertência por escrito|advertência formal|schriftelijke waarschuwing|"
    r"officiële waarschuwing|formele waarschuwing|laatste waarschuwing van|waarschuwing van hr|waarschuwing van p&o|"
    r"een berisping|dostał naganę|dostała naganę|otrzymał naganę|otrzymała naganę|nagana|naganę|naganą|"
    r"dostał upomnienie|dostała upomnienie|dostal důtku|dostala důtku|důtka|důtku|písemné napomenutí|"
    r"písomné napomenutie|dostal výtku|dostala výtku|írásbeli figyelmeztetés|írásbeli figyelmeztetést|"
    r"skriftlig varning|skriftlig advarsel|kirjallinen varoitus|kirjallisen varoituksen|avertisment scris|"
    r"έγγραφη επίπληξη|έγγραφη προειδοποίηση|писмено предупреждение|дисциплинарно наказание|pismeno upozorenje|"
    r"pisni opomin|pisno opozorilo|yazılı uyarı|ihtar aldı|kirjalik hoiatus|noomitus|rakstisks brīdinājums|"
    r"papeikimas|įspėjimas raštu|"
    # a dismissal for cause, the misconduct in its very name ("licenziato per giusta causa", "zwolniony
    # dyscyplinarnie", "fristlose Kündigung", "ontslag op staande voet", "okamžité skončenie pracovného pomeru")
    r"licenziato per giusta causa|licenziata per giusta causa|licenziamento per giusta causa|licenziamento disciplinare|"
    r"sanzione disciplinare|provvedimento disciplinare|zwolniony dyscyplinarnie|zwolniona dyscyplinarnie|"
    r"zwolnienie dyscyplinarne|zwolnienie dyscyplinarnego|dismissed for gross misconduct|dismissed for misconduct|"
    r"fristlose kündigung|außerordentliche kündigung|licencié pour faute grave|licenciée pour faute grave|"
    r"licenciement pour faute|sanction disciplinaire|mise à pied disciplinaire|despido disciplinario|"
    r"despedido disciplinariamente|despedida disciplinariamente|despedimento por justa causa|demitido por justa causa|"
    r"demitida por justa causa|ontslag op staande voet|okamžité skončenie pracovného pomeru|"
    r"okamžité zrušení pracovního poměru|azonnali hatályú felmondás|concediere disciplinară|πειθαρχική απόλυση|"
    r"дисциплинарно уволнение|izvanredni otkaz|izredna odpoved|disiplin cezası"
)
#: a person's performance review or appraisal, in EGI's languages ("his appraisal", "Leistungsbeurteilung",
#: "évaluation annuelle", "ocena roczna", "hodnotenie", "valutazione annuale"): with an outcome or a pay
#: cut after it (``REVIEW_OUTCOMES``), that person's employment record
REVIEW_WORDS = (
    r"appraisal|performance appraisal|performance review|annual review|annual appraisal|performance evaluation|"
    r"staff review|employee review|leistungsbeurteilung|mitarbeiterbeurteilung|leistungsbewertung|beurteilung|"
    r"jahresgespräch|mitarbeitergespräch|dienstliche beurteilung|évaluation annuelle|entretien annuel|"
    r"entretien d'évaluation|évaluation professionnelle|évaluation de performance|valutazione annuale|"
    r"valutazione delle prestazioni|valutazione della performance|scheda di valutazione|evaluación anual|"
    r"evaluación del desempeño|evaluación de desempeño|avaliação anual|avaliação de desempenho|beoordeling|"
    r"jaarbeoordeling|beoordelingsgesprek|functioneringsgesprek|ocena roczna|ocena okresowa|ocena pracownicza|"
    r"ocena pracy|ocenę roczną|ocenę okresową|ocenie rocznej|ocenie okresowej|oceny rocznej|oceny okresowej|hodnocení|roční hodnocení|hodnocení zaměstnance|hodnotenie|"
    r"ročné hodnotenie|hodnotenie zamestnanca|teljesítményértékelés|éves értékelés|teljesítményértékelése|"
    r"medarbetarsamtal|utvecklingssamtal|prestationsbedömning|medarbejdersamtale|medarbeidersamtale|"
    r"kehityskeskustelu|suoritusarviointi|evaluare anuală|evaluarea anuală|evaluarea performanței|"
    r"αξιολόγηση απόδοσης|ετήσια αξιολόγηση|атестация|годишна оценка|оценка на изпълнението|godišnja ocjena|"
    r"ocjena rada|letna ocena|ocena dela|letni razgovor|performans değerlendirmesi|yıllık değerlendirme|"
    r"arenguvestlus|tulemuslikkuse hindamine|darba novērtējums|ikgadējais novērtējums|veiklos vertinimas|"
    r"metinis vertinimas"
)
#: what a review found of the person, or a cut of their pay or bonus after it ("did not meet
#: expectations", "ungenügend", "insuffisant", "negatywna", "nesplnil očakávania", "znížená odmena")
REVIEW_OUTCOMES = (
    r"did not meet expectations|didn't meet expectations|does not meet expectations|below expectations|"
    r"not meet expectations|unsatisfactory|underperform|underperformed|underperforming|needs improvement|"
    r"poor|insufficient|negative|failed|ungenügend|unzureichend|mangelhaft|nicht erfüllt|unter den erwartungen|"
    r"erwartungen nicht erfüllt|negativ|insuffisant|insuffisante|négative|n'a pas atteint|en dessous des attentes|"
    r"ne répond pas aux attentes|insufficiente|negativa|negativo|sotto le aspettative|non ha raggiunto|"
    r"insuficiente|por debajo de las expectativas|no cumplió|não atingiu|abaixo das expectativas|onvoldoende|"
    r"slecht|beneden verwachting|onder verwachting|negatief|negatywna|negatywnie|negatywną|niedostateczna|"
    r"niedostateczną|nie spełnił oczekiwań|nie spełniła oczekiwań|nesplnil|nesplnila|nesplnil očekávání|"
    r"nesplnila očekávání|nedostatečné|nedostatečná|nevyhovující|nedostatočné|nedostatočná|nevyhovujúce|negatívne|"
    r"negatívna|elégtelen|nem felelt meg|otillräcklig|underkänd|utilstrækkelig|utilfredsstillende|heikko|"
    r"riittämätön|ei täyttänyt|nesatisfăcător|nesatisfacator|insuficient|ανεπαρκής|αρνητική|незадоволителна|"
    r"незадоволителен|nezadovoljavajuće|nedovoljno|nezadostno|nezadostna|yetersiz|olumsuz|puudulik|nepietiekams|"
    r"nepietiekami|nepatenkinamas|nepatenkinamai|"
    # "not adequate", "unsatisfactory" in more forms ("giudizio «non adeguato»", "оценка „незадоволително“")
    r"inadequate|not adequate|not satisfactory|nicht ausreichend|nicht zufriedenstellend|unbefriedigend|"
    r"insatisfaisant|insatisfaisante|non satisfaisant|non satisfaisante|inadéquat|inadéquate|non adeguato|"
    r"non adeguata|inadeguato|inadeguata|insoddisfacente|non soddisfacente|non sufficiente|scarso|scarsa|"
    r"insatisfactorio|insatisfactoria|no satisfactorio|inadecuado|inadecuada|insatisfatório|insatisfatória|"
    r"inadequado|inadequada|ontoereikend|niet naar behoren|onbevredigend|niezadowalająca|niezadowalający|"
    r"niezadowalająco|niewystarczająca|niewystarczający|neuspokojivé|neuspokojivý|neuspokojivá|nem megfelelő|"
    r"nem kielégítő|nesatisfăcătoare|necorespunzător|necorespunzătoare|ej godkänd|inte tillfredsställande|"
    r"ikke tilfredsstillende|tyydyttämätön|μη ικανοποιητική|μη ικανοποιητικός|ανεπαρκές|незадоволително|"
    r"неудовлетворително|неудовлетворителна|слаба оценка|nezadovoljavajuća|nezadovoljavajući|nedovoljan|"
    r"nezadovoljivo|nezadovoljiva|mitterahuldav|neapmierinošs|neapmierinoši|nepatenkinama"
)
#: a cut of the person's pay or bonus after a review: whoever's it is, a person's
REVIEW_PAY_CUTS = (
    r"reduced bonus|bonus cut|bonus reduced|bonus was cut|pay cut|salary cut|reduced pay|no bonus|"
    r"bonus gekürzt|gekürzte prämie|gekürzter bonus|prämie gekürzt|keine prämie|prime réduite|prime supprimée|"
    r"pas de prime|bonus ridotto|premio ridotto|premio tagliato|niente premio|bonificación reducida|"
    r"sin bonificación|bónus reduzido|bonus verlaagd|geen bonus|obniżona premia|obniżoną premię|obniżka premii|"
    r"bez premii|snížená odměna|snížení odměny|snížení platu|bez odměny|znížená odmena|zníženie odmeny|"
    r"zníženie platu|bez odmeny|csökkentett prémium|nincs prémium|sänkt bonus|ingen bonus|nedsat bonus|"
    r"alennettu bonus|ei bonusta|bonus redus|fără bonus|μειωμένο μπόνους|намален бонус|smanjeni bonus|"
    r"znižan dodatek|düşürülmüş prim|vähendatud preemia|samazināta prēmija|sumažinta premija"
)
#: a person's misconduct, or their conflict with somebody, as the start of its word: with a
#: sanction in its sentence, a person's employment trouble ("sospeso per due mesi per plagio",
#: "ontslag genomen na een conflict met zijn promotor")
TROUBLE_STEMS = (
    "plagi", "πλαγιοκλοπ", "плагиат", "плагіат", "intihal", "misconduct", "fehlverhalten", "faute grave",
    "cattiva condotta", "condotta scorretta", "mala conducta", "falta grave", "má conduta", "wangedrag",
    "plichtsverzuim", "pochybení", "kötelességszegés", "tjänstefel", "virkavirhe", "παράπτωμα", "проступ",
    "harass", "belästig", "mobbing", "bullying", "harcèlement", "molesti", "acoso", "assédio", "intimidatie",
    "molestow", "nękan", "obtěžov", "šikan", "zaklatás", "trakasser", "häirin", "hărțuir", "παρενόχλησ",
    "домогатель", "uznemirav", "nadlegovan", "taciz", "disciplinary",
    "disciplinare", "disciplinaire", "disciplinario", "disciplinaria", "disziplinar", "disciplinair",
    "dyscyplinarn", "disciplinárn", "disciplinär", "disciplinær", "fegyelmi", "kurinpi", "πειθαρχικ",
    "дисциплинарн", "disciplinsk", "disiplin", "distsiplinaar", "disciplinār", "drausmin",
    # a breach of the work's discipline or duties, an unexcused absence, an HR inquiry ("hrubé porušenie
    # pracovnej disciplíny", "Pflichtverletzung", "giusta causa", "dismissed after HR investigation")
    "porušenie pracovnej", "porušenia pracovnej", "porušení pracovní", "porušení povinností", "hrubé porušenie",
    "hrubé porušení", "naruszenie obowiązków", "naruszenia obowiązków", "ciężkie naruszenie", "pflichtverletz",
    "dienstpflichtverletz", "arbeitsverweiger", "giusta causa", "faute lourde", "justa causa", "gross negligence",
    "breach of duty", "breach of contract", "neospravedlnen", "neomluven", "nieusprawiedliwion", "unentschuldigt",
    "unexcused", "unauthorised absence", "unauthorized absence", "absence injustifi", "absences injustifi",
    "assenze ingiustificat", "assenza ingiustificat", "ausencias injustificad", "faltas injustificad",
    "ongeoorloofd verzuim", "igazolatlan", "hr investigation", "hr inquiry", "hr enquiry",
    "personnel investigation", "internal investigation", "enquête administrative", "enquête interne",
    "indagine interna", "investigación interna", "postępowanie wyjaśniające", "postępowania wyjaśniającego",
    # a conflict or a quarrel with somebody: the word after it is whose ("conflict with his supervisor")
    "conflict with his", "conflict with her", "conflict with their", "conflict with my", "conflict with the pi",
    "conflict with the supervisor", "conflict with the boss", "conflict with the manager", "dispute with his",
    "dispute with her", "konflikt mit seinem", "konflikt mit seiner", "konflikt mit ihrem", "konflikt mit ihrer",
    "streit mit seinem", "streit mit seiner", "streit mit ihrem", "streit mit ihrer", "streit mit dem chef",
    "conflit avec son", "conflit avec sa", "conflit avec leur", "conflitto con il suo", "conflitto con la sua",
    "lite con il suo", "lite con la sua", "conflicto con su", "conflito com o seu", "conflito com a sua",
    "conflict met zijn", "conflict met haar", "ruzie met zijn", "ruzie met haar", "conflict met de promotor",
    "konflikt z jego", "konflikt z jej", "konflikt z promotorem", "konflikt z szefem", "konflikt z przełożon",
    "konflikt se svým", "konflikt se svou", "konflikt s vedoucím", "konflikt so svojím", "konfliktus a főnök",
    "konflikt med sin", "konflikt med chefen", "konflikt med sjefen", "riita esimieh", "conflict cu șeful",
    "conflict cu superior", "σύγκρουση με τον", "σύγκρουση με την", "конфликт с руковод",
    "sukob sa svojim", "sukob s mentorom", "sukob s šefom", "anlaşmazlık",
)
#: a person by their role at work or in their studies ("il dottorando che gestiva il VO"): with a
#: sanction and a misconduct in the sentence, the one they befell
#: a project's leaders, whom a short field's private note names by their role ("PI derzeit in Reha")
NOTE_ROLE_WORDS = (
    "pi supervisor betreuer betreuerin responsable responsabile kierownik vedoucí témavezető handledare "
    "vejleder veileder ohjaaja coordinator koordinator coordinatore coordinador coordenador coordinateur "
    # whoever asked for the resources, whom a ticket's status names ("aanvrager in ziekenhuis na hartinfarct")
    "requester requestor applicant aanvrager aanvraagster antragsteller antragstellerin demandeur demandeuse "
    "richiedente solicitante requerente wnioskodawca wnioskodawczyni žadatel žadatelka žiadateľ žiadateľka "
    "igénylő kérelmező sökande sökanden ansøger ansøgeren søker søkeren hakija solicitantul αιτών заявител "
    "заявителят podnositelj podnositeljica prosilec prosilka başvuran taotleja pieteicējs pareiškėjas"
)
ROLE_WORDS = (
    "student studente studentessa dottorando dottoranda phd postdoc doktorand doktorandin doctorant "
    "doctorante doctorando doctoranda doutorando doutoranda promovendus promovenda doktorant doktorantka "
    "doktorandka doktorandus hallgató väitöskirjatutkija doctorand υποψήφιος докторант stagiaire tirocinante "
    "becario becaria bolsista stagiair praktykant intern engineer ingegnere ingénieur ingeniero ingenieur "
    "admin administrator amministratore sysadmin technician tecnico technicien técnico researcher ricercatore "
    "ricercatrice chercheur chercheuse investigador investigadora onderzoeker badacz výzkumník kutató "
    "forskare forsker tutkija cercetător ερευνητής изследовател istraživač raziskovalec araştırmacı teadur "
    "pētnieks tyrėjas řešitel řešitelka riešiteľ employee mitarbeiter mitarbeiterin employé employée "
    "dipendente empleado empleada funcionário medewerker pracownik pracownica zaměstnanec zaměstnankyně "
    "munkatárs anställd medarbejder ansatt työntekijä angajat υπάλληλος служител zaposlenik zaposleni "
    "çalışan töötaja darbinieks darbuotojas person persona personne persoon osoba henkilö személy assignee "
    "správce správkyně správca beheerder verwalter responsable gestore gestor"
)
#: a hospital's number of one patient, by its label in EGI's languages ("patient MRN", "Patientennummer",
#: "n° de dossier patient", "numero di cartella clinica", "číslo pacienta", "PESEL pacjenta"): the
#: number after it is that patient's
PATIENT_NUMBER_LABELS = (
    r"mrn|medical record number|medical record no|medical record|patient number|patient no|patient nr|patient id|"
    r"patient identifier|patient record number|patient record|hospital number|chart number|health record number|"
    r"patientennummer|patienten-nummer|patientennr|patienten-id|patientenid|patientenakte|krankenaktennummer|"
    r"fallnummer des patienten|n° de dossier patient|n° dossier patient|numéro de dossier patient|numéro de dossier médical|"
    r"n° de dossier médical|numéro patient|numéro de patient|n° patient|identifiant patient|ipp|"
    r"numero di cartella clinica|n. di cartella clinica|cartella clinica n|cartella clinica|numero paziente|"
    r"numero del paziente|codice paziente|id paziente|número de historia clínica|historia clínica|nhc|"
    r"número de paciente|número del paciente|id del paciente|número de processo clínico|processo clínico|"
    r"número do paciente|número de utente|patiëntnummer|patientnummer|patiënt-id|patiëntid|dossiernummer|"
    r"numer pacjenta|nr pacjenta|pesel pacjenta|numer historii choroby|id pacjenta|číslo pacienta|"
    r"rodné číslo pacienta|číslo pojištěnce|id pacienta|číslo chorobopisu|betegazonosító|beteg azonosító|"
    r"journalnummer|patient-id|potilasnumero|potilastunnus|numărul pacientului|"
    r"numar pacient|număr pacient|cnp pacient|cnp-ul pacientului|foaie de observație|αριθμός ασθενούς|"
    r"αριθμός μητρώου ασθενούς|номер на пациент|номер пациента|broj pacijenta|matični broj pacijenta|"
    r"številka pacienta|hasta numarası|hasta no|protokol numarası|patsiendi number|pacienta numurs|"
    r"paciento numeris|ligos istorijos numeris"
)
#: a patient or a study's participant, in the words and cases of EGI's languages: a name after
#: one of them is somebody cared for or studied ("il paziente Marco ...", "ασθενής Γιώργος ...")
PATIENT_WORDS = (
    "patient patients patientin patienten patientinnen paziente pazienti pacient pacienta pacientului "
    "pacientul pacientei pacienta pacientka pacientky pacientovi pacjent pacjenta pacjentka pacjentki "
    "pacjentowi paciente pacientes patiënt patiënte potilas potilaan potilaalla beteg betegnek hasta "
    "hastanın ασθενής ασθενούς ασθενή пациент пациента пациентка пациенту пацієнт пацієнта пацієнтка "
    "пациентот пациентката pacijent pacijenta pacijentica pacientas paciento pacients pacienta patsient "
    "patsiendi sjúklingur sjúklingurinn participant participante partecipante teilnehmer teilnehmerin "
    "proband probandin probanden deelnemer uczestnik uczestniczka účastník účastnice respondent "
    "respondentka informant informantka informátor informátora donor donatore donante spender"
)
#: years of age after a number ("58 años", "67 ani"), and a year of birth's words before one ("Jg. 1990")
AGE_WORDS = (
    r"años|anos|ani|anni|ans|jahre|j\.|years?|yrs|y/o|yo|let|lat|rokov|roků|éves|år|vuotta|aastat|metų|gadi|"
    r"yaşında|ετών|лет|років|години|godina"
)
BIRTH_YEAR_WORDS = r"jg\.?|jahrgang|born|geb\.|né|née|nato|nata|nacido|nacida|ur\.|nar\."
#: a title before a name ("pana Petra Dvořáka", "Frau Meier", "Sra. Gil"): with a condition in its
#: sentence, the named person's health
#: a title's abbreviation before a name ("Mr.", "Dr.", "κ.", "p.", "hr."): its dot ends no sentence
TITLE_ABBREVIATIONS = (
    "mr mrs ms dr prof mgr ing doc dipl sr sra srta sig hr fr frk sz m mme mlle dhr mevr p pí κ κα κος "
    "г гн г-н гжа г-жа ks st jr"
)
HONORIFICS = (
    "mr mrs ms herr herrn frau pan pana panem panu paní pani panią sig sig.ra signor signora sr sra señor "
    "señora m mme monsieur madame dhr mevr pán pána pánovi úr asszony κ κος κα κυρία κύριος господин "
    "госпожа пан пані пана gospod gospa gospoda hr fru herra rouva"
)
#: a diagnosis, a treatment and diseases named as one is ill with them (with ``CONDITION_STEMS``)
DIAGNOSIS_STEMS = (
    "diagnos", "diagnoz", "διάγνωσ", "диагноз", "діагноз", "дијагноз", "teşhis", "léčb", "treatment",
    "behandlung", "therap", "terap", "tratam", "trattam", "traitement", "kezelés", "hoito", "gydym",
    "recidiv", "relaps", "rückfall", "carcinom", "karzinom", "carcinoma", "lymphom", "linfom", "chłoniak",
    "glioblastom", "gliom", "parkinson", "πάρκινσον", "alzheimer", "leukem", "leucem", "białacz",
    "melanom", "skleróz", "skleroz", "σκλήρυνσ", "νόσ", "kreuzband", "meniskus", "bandscheib", "physio",
    "hiv", "hepatit", "psychos", "schizo", "bipolar", "autis", "dement"
)
#: somebody: the writer (a first person's pronoun or possessive), a user, a colleague, he or she
PERSON_WORDS = (
    "i my me ich mein meine meines meiner meinem meinen je mon ma mes moi io mio mia miei mie yo mi mis "
    "eu meu minha ik mijn ja mój moja moje mojego mojej já můj moje môj moja én enyém jag min mitt mina "
    "jeg mine minä minun mina minu aš mano es mans ben benim εγώ μου я мой моя мій моя мене ја мој моја "
    "jaz moj he she him her his er sie ihr il elle lui lei él ella ele ela hij zij hem haar on ona ő han "
    "hon hän он она він вона user utilizator utilizatorul utilizatoarea benutzer benutzerin nutzer "
    "utilisateur utilisatrice utente usuario usuaria utilizador gebruiker użytkownik uživatel uživatelka "
    "používateľ felhasználó användare användaren bruger brugeren bruker brukeren käyttäjä kasutaja "
    "naudotojas lietotājs kullanıcı χρήστης пользователь користувач потребител korisnik uporabnik "
    "colleague kollege kollegin collègue collega colega kolega kolegyně kolléga kollega kolleg kolleeg "
    "коллега колега "
    # the first person said by its verb, in the languages that drop the pronoun ("mam cukrzycę",
    # "tengo diabetes", "habe Epilepsie")
    "mam mám tengo tenho habe heb ho έχω имам imam "
    # and "I am" ("sono diabetico di tipo 1", "soy celíaca", "jestem cukrzykiem")
    "sono soy sou estoy estou jestem jsem vagyok olen sunt")

#: words saying an address is a public place (a venue, an institute), not somebody's home
#: an address one moves to or from: a person's, unless an organisation is named with it
MOVED_ADDRESS_WORDS = (
    r"new address|old address|previous address|forwarding address|new home address|"
    r"neue adresse|neue anschrift|alte adresse|nachsendeadresse|"
    r"nouvelle adresse|ancienne adresse|nuovo indirizzo|vecchio indirizzo|nueva dirección|nueva direccion|"
    r"antigua dirección|novo endereço|nova morada|nieuw adres|nieuwe adres|oud adres|"
    r"nowy adres|stary adres|nová adresa|novou adresu|nová adresa|stará adresa|új cím|új címem|régi cím|"
    r"ny adress|nya adress|ny adresse|nye adresse|uusi osoite|uuden osoitteen|uus aadress|νέα διεύθυνση|"
    r"новый адрес|новая адреса|нова адреса|нов адрес|нова адреса|yeni adres|yeni adresim|adresa nouă|"
    r"adresa noua|nova adresa|novi naslov|naujas adresas|jaunā adrese|seoladh nua|nýtt heimilisfang|"
    r"כתובת חדשה|"
    # the new home told as where one has just moved ("we zijn net verhuisd naar de Van Ostadestraat
    # 231", "wir sind in die Lindenstraße 4 umgezogen", "nous avons déménagé au 12 rue ..."): of oneself
    # or one's family (the after-move rule drops an organisation's move)
    r"we moved to|we have moved to|we've moved to|i moved to|i have moved to|i've moved to|moved house to|"
    r"we just moved to|i just moved to|we recently moved to|i recently moved to|"
    r"umgezogen|sind umgezogen|bin umgezogen|umgezogen in die|umgezogen in den|umgezogen nach|"
    r"verhuisd naar|zijn verhuisd|ben verhuisd|zijn net verhuisd|"
    r"nous avons déménagé|on a déménagé|j'ai déménagé|avons déménagé|"
    r"ci siamo trasferiti|mi sono trasferito|mi sono trasferita|ci siamo appena trasferiti|"
    r"nos mudamos a|me mudé a|nos hemos mudado a|me he mudado a|mudámo-nos para|mudamos para|mudei-me para|mudei para|"
    r"przeprowadziłem się|przeprowadziłam się|przeprowadziliśmy się|"
    r"přestěhovali jsme se|přestěhoval jsem se|přestěhovala jsem se|presťahovali sme sa|presťahoval som sa|"
    r"elköltöztünk|átköltöztünk|odaköltöztünk|muutimme|muutin|vi flyttade till|jag flyttade till|"
    r"vi flyttede til|jeg flyttede til|vi flyttet til|jeg flyttet til|ne-am mutat|m-am mutat|"
    r"μετακομίσαμε|μετακόμισα|преместихме се|преместих се|taşındık|taşındım|kolisime|kolisin|"
    r"pārcēlāmies|pārcēlos|persikėlėme|persikėliau|preselili smo se|preselila sam se|preselio sam se|"
    r"preselili smo|smo se preselili|sam se preselio|sam se preselila|preselili smo se na|preselili smo se u|"
    # the auxiliary first, or the verb without its prefix ("minulý týden jsem se stěhovala do Korunní
    # 2569/108", h71; "som sa presťahovala na", "átköltöztem a ...", "preselil sem se v")
    r"jsem se přestěhoval|jsem se přestěhovala|jsme se přestěhovali|jsem se stěhoval|jsem se stěhovala|"
    r"jsme se stěhovali|stěhovala jsem se|stěhoval jsem se|stěhovali jsme se|"
    r"som sa presťahoval|som sa presťahovala|sme sa presťahovali|presťahovala som sa|sťahovala som sa|"
    r"sťahoval som sa|sťahovali sme sa|som sa sťahovala|som sa sťahoval|"
    r"przeprowadzam się|wprowadziłam się|wprowadziłem się|wprowadziliśmy się|"
    r"átköltöztem|elköltöztem|beköltöztem|odaköltöztem|költöztem|költöztünk|beköltöztünk|"
    r"ne mutăm|preselil sem se|preselila sem se|"
    r"flyttede jeg|flyttet jeg|flyttade jag|verhuisde naar|ik ben verhuisd|"
    r"ich bin umgezogen|wir sind umgezogen|je viens de déménager|j'ai emménagé|nous avons emménagé|"
    r"mi sono appena trasferito|mi sono appena trasferita|me acabo de mudar|acabo de mudarme|"
    r"mudei-me|acabei de me mudar|just moved into|i moved into|we moved into"
)
#: a flat's, a block's, an entrance's or a staircase's word before its number or letter ("ap. 14",
#: "bl. B2", "вх. А", "Flat 3", "lgh 1102", "int. 7", "Top 5"): a part of a home's address (an
#: institute's has none), in EGI's languages (one word each, as the view's words: space-separated)
FLAT_UNIT_WORDS = (
    "flat apt apartment appt appartement apartament apartamentul ap bl bloc blocul blok block sc scara "
    "etaj et esc escalera escalier pta puerta bat bât bâtiment batiment whg wohnung stiege top lgh "
    "lägenhet lagenhet byt lok mieszkanie stan daire διαμ διαμέρισμα butas bt dz dzīv korter asunto as "
    "int interno scala staircase entrance m бл блок вх вход ет етаж ап апарт кв квартира под подъезд "
    "під'їзд leil leilighet lejl lejlighed huoneisto lakás ajtó ajto"
)
#: a floor's or a side's word after its ordinal ("3. OG", "2nd floor", "3e étage", "2. th.", "3-hoog",
#: "3. em.", "2º izq."): a storey of a home (with a street and a number on its line)
FLOOR_UNIT_WORDS = (
    "og stock etage étage floor piano kat tr th tv mf sal hoog verdieping em emelet krs kerros piso "
    "andar izq izda dcha dcho dch esq dto dta όροφος οροφος этаж етаж поверх aukštas stāvs korrus"
)
#: an address one is written to or sent things at (a person's unless an organisation is named with
#: it): postal, correspondence, delivery, mailing, in EGI's languages and their cases
#: an address named as an organisation's official one: its official, registered or legal address,
#: its seat or head office, in EGI's languages and their cases ("Официалният адрес за
#: кореспонденция е: ...", "siedziba", "sídlo", "Sitz", "siège social", "sede legale")
OFFICIAL_ADDRESS_WORDS = (
    r"official address|official postal address|registered address|registered office|legal address|"
    r"head office|headquarters|"
    r"offizielle adresse|offizielle anschrift|amtliche anschrift|dienstanschrift|dienstadresse|sitz|hauptsitz|"
    r"geschäftsadresse|adresse officielle|siège|siège social|adresse du siège|adresse administrative|"
    r"indirizzo ufficiale|indirizzo istituzionale|sede legale|sede|dirección oficial|dirección institucional|"
    r"domicilio social|domicilio fiscal|endereço oficial|morada oficial|endereço institucional|"
    r"morada institucional|officieel adres|officiële adres|statutair adres|hoofdkantoor|vestigingsadres|"
    r"oficjalny adres|adres oficjalny|siedziba|siedziby|adres siedziby|oficiální adresa|oficiální adresu|"
    r"úřední adresa|sídlo|sídla|adresa sídla|oficiálna adresa|oficiálnu adresu|"
    r"hivatalos cím|hivatalos címe|hivatalos címünk|székhely|székhelye|székhelyünk|"
    r"adresa oficială|adresa oficiala|adresa oficiala a|sediul|sediul social|virallinen osoite|"
    r"virallinen postiosoite|officiell adress|officiella adress|officiel adresse|officielle adresse|"
    r"offisiell adresse|offisielle adresse|forretningsadresse|επίσημη διεύθυνση|έδρα|διεύθυνση έδρας|"
    r"službena adresa|službenu adresu|sjedište|sjedišta|adresa sjedišta|uradni naslov|sedež|sedeža|"
    r"naslov sedeža|официален адрес|официалният адрес|официалния адрес|седалище|седалището|"
    r"адрес на управление|официальный адрес|юридический адрес|офіційна адреса|юридична адреса|"
    r"resmi adres|resmi adresi|resmî adres|resmî adresi|merkez adresi|ametlik aadress|ametlik postiaadress|"
    r"oficiālā adrese|juridiskā adrese|oficialus adresas|buveinė|buveinės adresas"
)
#: the address an invoice or a fee goes to ("Laskutustiedot:", "Rechnungsadresse:", "adresse de
#: facturation :"): a person's home when they say they pay it themselves (``OWN_PAYMENT_WORDS``)
BILLING_ADDRESS_WORDS = (
    r"billing address|billing details|invoice address|invoicing address|invoice details|bill to|"
    r"rechnungsadresse|rechnungsanschrift|rechnungsdaten|adresse de facturation|coordonnées de facturation|"
    r"informations de facturation|indirizzo di fatturazione|dati di fatturazione|dati per la fatturazione|"
    r"dirección de facturación|datos de facturación|endereço de faturação|endereço de faturamento|"
    r"morada de faturação|dados de faturação|dados de faturamento|factuuradres|factuurgegevens|"
    r"adres do faktury|dane do faktury|adres rozliczeniowy|fakturační adresa|fakturační údaje|"
    r"fakturačná adresa|fakturačné údaje|számlázási cím|számlázási adatok|számlázási címem|"
    r"laskutusosoite|laskutustiedot|laskutusosoitteeni|faktureringsadress|faktureringsuppgifter|"
    r"faktureringsadresse|fakturaadresse|adresa de facturare|date de facturare|"
    r"διεύθυνση τιμολόγησης|στοιχεία τιμολόγησης|adresa za račun|podaci za račun|naslov za račun|"
    r"podatki za račun|адрес за фактуриране|данни за фактуриране|fatura adresi|fatura bilgileri|"
    r"arve aadress|arveldusandmed|arve andmed|rēķina adrese|rēķina rekvizīti|sąskaitos adresas|"
    r"sąskaitos duomenys"
)
#: that a fee is paid by the writer, not their institution: "I pay it myself", "privately", "out of
#: my own pocket", "maksan sen itse", "ich zahle selbst", "je paie moi-même", "zapłacę prywatnie"
OWN_PAYMENT_WORDS = (
    r"myself|privately|out of my own pocket|out of pocket|my own|personally|my billing|my invoice|"
    r"selbst|privat|aus eigener tasche|meine rechnungsadresse|moi-même|moi même|à titre personnel|"
    r"à titre privé|de ma poche|io stesso|io stessa|privatamente|di tasca mia|di tasca propria|yo mismo|"
    r"yo misma|de mi bolsillo|a título personal|eu mesmo|eu mesma|do meu bolso|a título pessoal|zelf|privé|"
    r"uit eigen zak|prywatnie|z własnej kieszeni|sam zapłacę|sama zapłacę|sám|sama|soukromě|ze svého|"
    r"súkromne|zo svojho|magam|saját zsebből|magánszemélyként|itse|omasta pussista|yksityisesti|"
    r"själv|privat|ur egen ficka|selv|privat|eu însumi|eu însămi|din buzunarul meu|personal|ο ίδιος|"
    r"η ίδια|ιδιωτικά|sam|sama|privatno|iz svog džepa|zasebno|sam plačam|сам|сама|лично|"
    r"kendim|kendi cebimden|şahsen|ise|ise maksan|eraisikuna|pats|pati|privāti|pats sumokėsiu|privačiai"
)
POSTAL_ADDRESS_WORDS = (
    r"postal address|mailing address|correspondence address|address for correspondence|delivery address|"
    r"shipping address|postanschrift|postadresse|lieferadresse|lieferanschrift|zustelladresse|"
    r"korrespondenzadresse|versandadresse|adresse postale|adresse de correspondance|adresse de livraison|"
    r"adresse d'expédition|indirizzo postale|indirizzo di corrispondenza|indirizzo di spedizione|"
    r"indirizzo di consegna|dirección postal|dirección de correspondencia|dirección de envío|"
    r"dirección de entrega|endereço postal|endereço de correspondência|morada de correspondência|"
    r"endereço de entrega|morada para envio|postadres|correspondentieadres|afleveradres|bezorgadres|"
    r"verzendadres|adres korespondencyjny|adres do korespondencji|adres dostawy|adres wysyłki|"
    r"korespondenční adresa|korespondenční adresu|doručovací adresa|doručovací adresu|"
    r"korešpondenčná adresa|korešpondenčnú adresu|doručovacia adresa|doručovaciu adresu|"
    r"levelezési cím|levelezési címe|levelezési címére|levelezési címem|postacím|postacíme|postacímére|"
    r"szállítási cím|szállítási címe|"
    r"adresa de corespondență|adresa de corespondenta|adresa de corespondenţă|adresa poștală|"
    r"adresa postala|adresa poştală|adresa de livrare|adresa de expediere|"
    r"postiosoite|postiosoitteeni|toimitusosoite|postadress|leveransadress|leveringsadresse|"
    r"ταχυδρομική διεύθυνση|διεύθυνση αλληλογραφίας|διεύθυνση αποστολής|διεύθυνση παράδοσης|"
    r"poštanska adresa|adresa za dostavu|adresa za korespondenciju|poštni naslov|naslov za dostavo|"
    r"naslov za pošto|адрес за кореспонденция|адресът за кореспонденция|адреса за кореспонденция|"
    r"пощенски адрес|пощенския адрес|адрес за доставка|адресът за доставка|почтовый адрес|адрес доставки|"
    r"поштова адреса|адреса доставки|posta adresi|yazışma adresi|teslimat adresi|gönderim adresi|"
    r"postiaadress|kirjavahetuse aadress|tarneaadress|pasta adrese|korespondences adrese|piegādes adrese|"
    r"pašto adresas|korespondencijos adresas|pristatymo adresas|"
    # the address a courier or a parcel service brings things to ("kargo adresi:", "адрес за куриера",
    # "address for the courier"), in EGI's languages
    r"courier address|address for the courier|address for courier|address for the parcel|parcel address|"
    r"kurieradresse|adresse für den kurier|adresse für den paketdienst|paketadresse|adresse pour le coursier|"
    r"adresse pour le transporteur|adresse pour le colis|indirizzo per il corriere|indirizzo per il pacco|"
    r"dirección para el mensajero|dirección para el paquete|endereço para o estafeta|morada para o estafeta|"
    r"endereço para a transportadora|adres voor de koerier|adres voor het pakket|adres dla kuriera|"
    r"adres do kuriera|adresa pro kurýra|adresa pro balík|adresa pre kuriéra|adresa pre balík|futár címe|"
    r"futárnak a cím|adresa pentru curier|adresa pentru colet|kuriiriosoite|osoite kuriirille|"
    r"adress för budet|adress till budet|adresse til kureren|adresse til budet|adresse til pakken|"
    r"διεύθυνση για τον κούριερ|διεύθυνση για το δέμα|διεύθυνση για το courier|adresa za kurira|"
    r"adresa za paket|naslov za kurirja|naslov za paket|адрес за куриер|адрес за куриера|адресът за куриера|"
    r"адреса за куриера|адрес за пратката|kargo adresi|kargo adresim|kargo için adres|kurye adresi|kurye için adres|"
    r"teslimat adresim|kulleri aadress|aadress kullerile|kurjera adrese|adrese kurjeram|kurjerio adresas|"
    r"adresas kurjeriui"
)
#: a public office that people are sent to (immigration, registry, town hall, police, embassy),
#: by the stem of its name in EGI's languages: its address in a sentence is the office's, not a
#: person's ("Ausländerbehörde Bonn, Berliner Platz 2", "Urzędem Wojewódzkim, ..., ul. Przy Rondzie 6")
PUBLIC_OFFICE_STEMS = (
    r"behörde|bürgeramt|landratsamt|standesamt|einwohnermeldeamt|ausländeramt|rathaus|magistrat|"
    r"préfecture|prefecture|sous-préfecture|mairie|hôtel de ville|prefettura|questura|municipio|"
    r"ayuntamiento|extranjería|subdelegación|delegación del gobierno|câmara municipal|junta de freguesia|"
    r"gemeentehuis|gemeente|stadhuis|immigratie- en naturalisatiedienst|urzęd|urząd|wojewódzk|starostw|"
    r"úřad|odbor azyl|ministerstv|hivatal|bevándorlás|maahanmuuttovira|virasto|migrationsverket|"
    r"skatteverket|udlændinge|borgerservice|utlendingsdirektorat|politihus|skatteetaten|δημαρχείο|"
    r"αλλοδαπών|οικονομική υπηρεσία|primăria|prefectura|inspectoratul|ured za|upravna enota|"
    r"policijska uprava|občina|kmetstvo|община|дирекция|göç idaresi|nüfus müdürlüğü|belediye|valilik|"
    r"politsei- ja piirivalveamet|migrācijas|migracijos departament|savivaldyb|pašvaldīb|"
    r"city hall|town hall|registry office|immigration office|immigration service|home office|embassy|"
    r"consulate|botschaft|konsulat|ambassade|consulat|ambasciata|consolato|embajada|consulado|"
    r"embaixada|ambasada|velvyslanectv|nagykövetség|suurlähetystö|ambasáda|veleposlanstv|"
    r"πρεσβεία|посолство|büyükelçilik|suursaatkond|vēstniecīb|ambasad"
)
VENUE_WORDS = (
    r"workshop|conference|meeting|venue|room|hall|building|campus|institute|university|faculty|"
    r"department|office|centre|center|takes place|take place|held at|located at|hotel|auditorium|"
    r"raum|saal|hörsaal|gebäude|tagung|konferenz|institut|universität|salle|bâtiment|amphithéâtre|"
    r"réunion|sala|aula|edificio|edifício|istituto|università|universidad|universidade|zaal|gebouw|"
    r"vergadering|sala|budynek|spotkanie|konferencja|místnost|budova|terem|épület|konferens|lokal|"
    r"lokale|bygning|rakennus|kokous|αίθουσα|κτίριο|зал|здание|будівля|зала|"
    # an office, in the other languages ("(laskentakeskuksen toimisto)")
    r"büro|bureau|ufficio|oficina|escritório|kantoor|biuro|kancelář|kancelária|iroda|kontor|kontoret|"
    r"toimisto|kontori|γραφείο|офис|офіс|kancelarija|pisarna|birou|biuras|birojs|ofis|משרד"
)
#: where a messenger handle follows ("Skype: jane.doe", "Telegram @jane")
HANDLE_WORDS = (
    r"telegram|telegrama|telegramu|whatsapp|viber|skype|discord|threema|wechat|icq|jabber|xmpp|keybase|"
    r"mastodon|wickr|facetime|session messenger|linkedin|researchgate|"
    r"телеграм|телеграмм|телеграма|телеграмі|телеграме|телеграмот|телеграму|вайбер|вајбер|вайбері|"
    r"ватсап|вотсап|вацап|воцап|скайп|тріма|τελεγκραμ|βαιμπερ|ტელეგრამ|ტელეგრამი|ტელეგრამზე|ვაიბერ|"
    r"ვაიბერი|ვოცაპ|თელეგრამ|տելեգրամ|տելեգրամով|թելեգրամ|վայբեր|վայբերով|վոթսափ|ուոթսափ|טלגרם|וואטסאפ|"
    r"ווטסאפ|ויבר|"
    # inflected in the languages that attach case endings
    r"telegramon|telegramban|telegrammal|telegramie|telegramom|telegramissa|telegramis|telegrame|telegramot|"
    r"telegramil|telegramā|telegrame|whatsappon|whatsappban|whatsappie|whatsappu|whatsappom|whatsappissa|"
    r"whatsappis|whatsappā|viberen|viberze|viberu|viberom|viberissa|viberis|threemában|threemassa"
)
#: a passport, in EGI's languages (a number of a passport's shape later in its sentence is one)
PASSPORT_WORDS = (
    r"passport|pasaport|pasaporte|passaporto|passaporte|passeport|reisepass|paszport|paspoort|"
    r"cestovní pas|cestovný pas|útlevél|pașaport|διαβατήρι|паспорт|пасош|pasoš|potni list|putovnic|"
    # lv, lt, et: the passport word and its cases ("pases Nr.", "paso numeris")
    r"pases|pasē|pase nr|pases nr|pases numurs|paso numeris|paso nr|pasas|passi number|passi nr|passi numbriga"
)
#: what a person earns: an earning verb, or a salary word after a possessive, then an amount
EARNING_VERBS = (
    r"earns|earned|is paid|gets paid|verdiente|bekommt|gagne|touche|guadagna|percepisce|gana|cobra|"
    r"ganha|recebe|verdient|zarabia|dostaje|vydělává|bere|zarába|keres|tjänar|tjener|ansaitsee|teenib|"
    r"câștigă|castiga|kazanıyor|alıyor|κερδίζει|παίρνει|зарабатывает|получает|заробляє|отримує|печели|получава|"
    r"zarađuje|zaslužuje|uzpelna|uždirba"
)
#: what somebody will earn, said of a new colleague ("cobrará 1.850 € brutos al mes", "guadagnerà
#: 1.700 euro netti", "will earn EUR 3,100 a month", "bude brát 42 000 Kč"): a verb of earning in the
#: future (its auxiliary with it), the amount after it
FUTURE_EARNING_VERBS = (
    r"will earn|is going to earn|cobrará|cobraría|ganará|percibirá|guadagnerà|percepirà|"
    r"gagnera|touchera|ganhará|auferirá|wird verdienen|zal verdienen|gaat verdienen|zarobi|zarabiać będzie|"
    r"będzie zarabiać|będzie zarabiał|będzie zarabiała|bude brát|bude vydělávat|bude zarábať|bude brať|"
    r"fog keresni|keresni fog|kommer att tjäna|kommer til at tjene|vil tjene|tulee ansaitsemaan|ansaitsee|"
    r"va câștiga|va castiga|kazanacak|θα κερδίζει|θα παίρνει|ще печели|ще получава|zarađivat će|"
    r"će zarađivati|zarađivaće|bo zaslužil|bo zaslužila|bo zasluži|zaslužil bo|teenib|hakkab teenima|"
    r"pelnīs|uždirbs|vil tjene|kommer å tjene"
)
#: the same verbs after the amount, as German, Dutch and the Slavic languages may put them ("wird
#: 3.900 € brutto verdienen", "gaat 3.400 euro bruto verdienen", "42 000 Kč hrubého bude brát")
EARNING_VERBS_AFTER = (
    r"verdienen|verdienen wird|verdienen soll|verdienen gaat|zal verdienen|gaat verdienen|verdient|verdiende|"
    r"zarabiać|zarabiać będzie|będzie zarabiać|zarabia|bude brát|bude vydělávat|vydělávat|bude brať|bude zarábať|"
    r"zarábať|fog keresni|keresni|keres|tjäna|tjene|ansaitsemaan|ansaitsee|kazanacak|kazanıyor|zarađivati|"
    r"zarađuje|zaslužiti|zasluži|teenima|teenib|pelnīs|uždirbs|uždirba|câștiga|castiga|cobrará|ganará|guadagnerà"
)
#: what one says of one's own pay, in the first person ("ich bekomme als Doktorand 2.140 € netto im
#: Monat", "I make EUR 2,900 net a month", "guadagno 1.600 € al mese"): an earning verb alone, a
#: verb of getting only with gross or net, or a period, after the amount
OWN_EARNING_VERBS = (
    r"i earn|i make|i am paid|i'm paid|i get paid|verdiene|ich verdiene|je gagne|je touche|guadagno|"
    r"percepisco|gano|cobro|ganho|recebo|ik verdien|zarabiam|vydělávám|beru|zarábam|keresek|tjänar jag|"
    r"jag tjänar|jeg tjener|ansaitsen|teenin|câștig|kazanıyorum|κερδίζω|παίρνω|зарабатываю|получаю|"
    r"заробляю|отримую|печеля|получавам|zarađujem|zaslužim|dobivam|dostanem|uždirbu|pelnu|saan"
)
OWN_GETTING_VERBS = (
    r"i get|i receive|bekomme|kriege|erhalte|je reçois|ricevo|prendo|recibo|recebo|ik krijg|ik ontvang|"
    r"dostaję|dostávám|dostávam|kapok|jag får|får jeg|jeg får|saan|primesc|primesc|alıyorum|λαμβάνω|"
    r"dobijem|prejmem|saan|gaunu|saņemu"
)
SALARY_WORDS = (
    r"salary|wage|pay|gehalt|lohn|salaire|rémunération|stipendio|retribuzione|sueldo|salario|salário|"
    r"salaris|loon|pensja|wynagrodzenie|plat|mzda|fizetés|fizetése|fizetésem|lön|løn|lønn|palkka|"
    r"palkkani|palk|salariu|salariul|maaş|maaşı|maaşım|μισθός|μισθό|зарплата|зарплату|заплата|заплатата|"
    r"plaća|plača|"
    # their cases, and the pay words of Central and Eastern Europe ("moje zarobki", "jeho výplatu",
    # "mzdu", "pensję", "wynagrodzenia", "plaću", "palga", "algu", "atlyginimo", "maaşın")
    r"platu|platem|mzdu|mzdy|mzdou|výplata|výplatu|výplaty|výplatou|pensji|pensję|wynagrodzenia|wynagrodzeniu|"
    r"zarobki|zarobków|zarobek|plaću|plaće|plaćom|plačo|plače|palga|palgast|algu|algas|atlyginimo|"
    r"atalgojumu|maaşın|fizetésed|remuneração|remuneración|remunerazione|zaplatu|"
    # a student's or a fellow's pay ("his stipend is EUR 1,450 net per month")
    r"stipend|stipendium|stypendium|bourse|borsa di studio|beca|beurs|ösztöndíj|ösztöndíja|apuraha|bursa|"
    r"bursă|υποτροφία|стипендия|стипендія|stipendija|stipendiu|burs|bursu|"
    # the pay in the Baltic languages and Finnish's own ("viņa alga", "jo atlyginimas", "palkkansa")
    r"alga|atalgojums|atlyginimas|atlyginimą|palkkansa|"
    # a person's fee or honorarium ("das Honorar von Dr. Weber beträgt", "l'onorario di Rossi")
    r"honorarium|honorar|honorář|honoráře|honorár|honoraire|honoraires|onorario|honorario|honorários|"
    r"honorarium|wynagrodzenie|tiszteletdíj|tiszteletdíja|megbízási díj|arvode|arvodet|honorāru|honorārs|"
    r"honoraras|honorarą|palkkio|palkkion|αμοιβή|αμοιβής|хонорар|хонорара|honorara|honorarja|ücreti"
)
#: a thing's price, rent or fee, in EGI's languages: an amount net per month in its clause is no
#: person's pay ("the VM flavour costs 240 EUR net per month", "il servizio costa 1.200 euro netti al mese")
PRICE_WORDS = (
    r"cost|costs|costing|price|priced|prices|fee|fees|charge|charged|charges|rent|licence|license|subscription|"
    r"invoice|quote|offer|kostet|kosten|preis|gebühr|gebühren|miete|lizenz|rechnung|angebot|coûte|coûtent|coût|"
    r"prix|frais|tarif|loyer|licence|facture|devis|costa|costano|costo|prezzo|tariffa|affitto|licenza|fattura|"
    r"cuesta|cuestan|coste|precio|tarifa|alquiler|licencia|factura|custa|custam|custo|preço|aluguel|renda|fatura|"
    r"kost|kosten|prijs|huur|factuur|offerte|kosztuje|kosztują|koszt|cena|czynsz|opłata|faktura|stojí|náklady|"
    r"nájem|poplatek|kostar|pris|hyra|avgift|licens|koster|leje|gebyr|maksaa|hinta|vuokra|lasku|maksu|costă|"
    r"preț|pret|chirie|taxa|factură|kerül|ár|díj|bérleti|számla|κοστίζει|κόστος|τιμή|ενοίκιο|τέλος|struva|"
    r"стрва|цена|наем|košta|cijena|najam|stane|cena|najemnina|fiyat|kira|ücret|maksab|hind|üür|maksā|cena|"
    r"kainuoja|kaina|nuoma"
)
#: a contract of work for a named person, its amount gross after it ("dohoda o provedení práce na 12
#: hodin, celkem 9 600 Kč hrubého", "umowa zlecenie na 4 000 zł brutto", "Werkvertrag über 2.400 € brutto"):
#: that person's pay
WORK_CONTRACT_WORDS = (
    r"dohoda o provedení práce|dohodu o provedení práce|dohody o provedení práce|dohoda o pracovní činnosti|"
    r"dohodu o pracovní činnosti|dpp|dpč|dohoda o vykonaní práce|dohodu o vykonaní práce|dohoda o pracovnej činnosti|"
    r"umowa zlecenie|umowę zlecenie|umowa o dzieło|umowę o dzieło|umowy zlecenia|umowy o dzieło|"
    r"honorarvertrag|honorarvertrags|minijob|freelance contract|"
    r"contrat de vacation|contratto di collaborazione|"
    r"contratto a progetto|"
    r"recibos verdes|zzp-contract|megbízási szerződés|megbízási szerződéssel|"
    r""
    r"convenție civilă|ugovor o djelu|podjemna pogodba|avtorska pogodba|"
    r"граждански договор|autoratlīdzības līgums|"
    r"autorinė sutartis"
)
#: a field of a form that asks for its filler's pay now ("Current gross salary (needed for the cost
#: statement): EUR 4,860 per month"): the amount after it is that person's
CURRENT_PAY_WORDS = (
    r"current|present|actual|aktuelles|aktueller|derzeitiges|jetziges|actuel|actuelle|attuale|actual|atual|"
    r"huidig|huidige|obecne|obecna|aktuální|súčasný|súčasná|jelenlegi|nuvarande|nuværende|nåværende|"
    r"nykyinen|actual|τρέχων|текуща|trenutna|trenutačna|sedanja|mevcut|praegune|pašreizējā|dabartinis"
)
#: what a registration list, a rooming list or a dietary column says of one person's health: an
#: allergy, coeliac disease, a wheelchair (the stems of the words, in EGI's languages)
CARE_NEED_STEMS = (
    "allerg", "alerg", "ailléirge", "αλλεργ", "аллерг", "алерг", "alerji", "coeliac", "celiac", "zöliak",
    "cœliaq", "coeliaq", "celiach", "celíac", "celiak", "keliak", "wheelchair", "rollstuhl", "fauteuil roulant",
    "sedia a rotelle", "silla de ruedas", "cadeira de rodas", "rolstoel", "wózek inwalidzki", "wózku inwalidzkim",
    "invalidní vozík", "vozíčkář", "vozíčkar", "rullstol", "kørestol", "rullestol", "pyörätuoli", "kerekesszék",
    "scaun cu rotile", "αναπηρικό", "инвалидн", "invalidska kolica", "invalidski voziček", "tekerlekli sandalye",
    "epilep", "anaphyla", "epipen",
)
#: a verb saying somebody has an allergy, right before its word ("ha un'allergia grave", "has a severe
#: nut allergy", "hat eine Nussallergie", "tiene alergia", "ma alergię", "är allergisk", "is allergic")
HAVING_ALLERGY_VERBS = (
    r"has|have|i have|is|am|suffers from|ha|ho|è|soffre di|hat|habe|ist|bin|leidet an|leidet unter|a|ai|est|suis|"
    r"souffre d'|souffre d’|tiene|tengo|es|soy|padece|tem|tenho|é|sou|heeft|heb|ben|lijdt aan|ma|mam|jest|jestem|"
    r"cierpi na|má|mám|je|jsem|som|trpí|van|neki|har|lider av|on|olen|kärsii|are|sunt|suferă de|έχει|έχω|είναι|"
    r"ima|imam|je|sam|има|имам|е|var|vardır|on|ir|turi|turiu|yra"
)
#: what makes an allergy told of somebody: its severity, an emergency drug, or what it is to ("alle
#: arachidi", "to nuts", "gegen Nüsse", "na orzechy", "aux arachides")
ALLERGY_DETAIL_WORDS = (
    r"severe|serious|life-threatening|strong|grave|gravi|seria|severa|schwere|schwerer|schwer|starke|sévère|"
    r"sérieuse|grave|forte|ernstige|ernstig|zware|poważną|poważna|silną|silna|ciężką|těžkou|těžká|silnou|"
    r"súlyos|svår|kraftig|alvorlig|vakava|severă|gravă|σοβαρή|σοβαρ|teška|tešku|huda|hudo|тежка|ciddi|"
    r"tõsine|smaga|sunki|to|alle|agli|ai|al|alla|gegen|auf|à|aux|au|a|al|a los|a las|à|ao|aos|voor|tegen|"
    r"op|na|vůči|na|mot|för|på|overfor|mod"
)
#: an allergy's emergency drug ("EpiPen", "l'adrenalina autoiniettabile", "Adrenalin-Autoinjektor")
EMERGENCY_DRUG_WORDS = (
    r"epipen|epi-pen|jext|anapen|emerade|auto-injector|autoinjector|auto injector|autoinjektor|"
    r"adrenalin-autoinjektor|notfallset|adrénaline|auto-injecteur|stylo d'adrénaline|adrenalina|"
    r"autoiniettabile|autoinyector|autoinjetor|adrenaline|epinephrine|epinefrina|adrenalinę|adrenalinu|"
    r"adrenalint|adrenaliini|adrenalinpenn|adrenalinpen|αδρεναλίνη|адреналин|adrenalina|adrenalini|"
    r"adrenalīna|adrenalino|adrenaliin|adrenaliinisuoneen"
)
#: "in case of" and its kin: a need that may arise, nobody's ("In case of a severe allergy, an
#: auto-injector is at the desk", "Im Falle einer schweren Allergie ...")
IN_CASE_WORDS = (
    r"in case of|in the event of|im falle|im fall|en cas de|in caso di|en caso de|em caso de|in geval van|"
    r"w przypadku|w razie|v případě|v prípade|i händelse av|i tilfælde af|i tilfelle av|în caz de|"
    r"σε περίπτωση|в случай на|u slučaju|v primeru|durumunda|juhul|gadījumā|atveju"
)
#: a condition that comes before the verb ("if you have an allergy": generic, nobody's)
IF_WORDS = (
    r"if|whether|any|wenn|falls|ob|si|se|eventuali|eventuelle|eventuelles|qualsiasi|qualquer|cualquier|"
    r"indien|eventuele|jeśli|jeżeli|czy|pokud|jestli|ak|om|hvis|jos|dacă|αν|ако|ako|če|eğer|kui|jei|"
    + IN_CASE_WORDS
)
#: a form's field that asks for one's needs (accessibility, diet, special requirements): its answer
#: is the person's health when it names a condition, an aid or a treatment ("Esigenze particolari
#: (accessibilità, alimentazione, ecc.): sono celiaco", "Besoins spécifiques | malentendante")
NEEDS_LABELS = (
    r"special needs|special requirements|specific needs|particular needs|additional needs|access needs|"
    r"accessibility needs|accessibility requirements|access requirements|accessibility|dietary requirements|"
    r"dietary needs|dietary restrictions|diet|other needs|any other needs|"
    r"besondere bedürfnisse|besondere anforderungen|besondere hinweise|barrierefreiheit|ernährung|"
    r"ernährungswünsche|besoins spécifiques|besoins particuliers|besoins spéciaux|accessibilité|"
    r"régime alimentaire|restrictions alimentaires|esigenze particolari|esigenze specifiche|esigenze speciali|"
    r"esigenze alimentari|bisogni particolari|bisogni specifici|necessità particolari|accessibilità|"
    r"necesidades especiales|necesidades específicas|necesidades particulares|accesibilidad|"
    r"restricciones alimentarias|necessidades especiais|necessidades específicas|acessibilidade|"
    r"restrições alimentares|bijzondere wensen|bijzondere behoeften|speciale wensen|specifieke behoeften|"
    r"toegankelijkheid|dieetwensen|specjalne potrzeby|szczególne potrzeby|dostępność|wymagania dietetyczne|"
    r"zvláštní potřeby|speciální potřeby|specifické potřeby|bezbariérovost|dietní omezení|špeciálne potreby|"
    r"osobitné potreby|speciális igények|különleges igények|akadálymentesség|étkezési igények|nevoi speciale|"
    r"nevoi specifice|accesibilitate|restricții alimentare|särskilda behov|specialkost|tillgänglighet|"
    r"særlige behov|særlige hensyn|tilgængelighed|spesielle behov|særskilte behov|tilgjengelighet|spesialkost|"
    r"erityistarpeet|erityisruokavalio|esteettömyys|ειδικές ανάγκες|προσβασιμότητα|διατροφικές απαιτήσεις|"
    r"posebne potrebe|posebni zahtjevi|pristupačnost|dostopnost|специални нужди|достъпност|özel ihtiyaçlar|"
    r"özel gereksinimler|erişilebilirlik|erivajadused|ligipääsetavus|īpašas vajadzības|pieejamība|"
    r"specialieji poreikiai|prieinamumas"
)
#: a form's field that asks for one's health itself: any answer but "none" is health data
MEDICAL_LABELS = (
    r"allergies|intolerances|medical information|medical conditions|health information|medical needs|"
    r"allergien|unverträglichkeiten|medizinische hinweise|gesundheitliche einschränkungen|allergies|"
    r"intolérances|informations médicales|allergie|intolleranze|informazioni mediche|alergias|intolerancias|"
    r"información médica|informação médica|informações médicas|allergieën|medische informatie|alergie|"
    r"informacje medyczne|zdravotní omezení|zdravotné obmedzenia|allergiák|egészségügyi információ|alergii|"
    r"allergier|allergiat|αλλεργίες|alergije|алергии|alerjiler|allergiad|alerģijas|alergijos"
)
#: an answer that says there is nothing to tell
NO_NEEDS = (
    r"none|no|n/a|na|nil|nothing|-|keine|nein|aucun|aucune|non|rien|nessuna|nessuno|niente|ninguna|ninguno|"
    r"nada|nenhuma|nenhum|não|geen|nee|brak|nie|žádné|žádná|ne|nincs|nem|inga|nej|ingen|ei|nu|niciuna|"
    r"καμία|όχι|няма|nema|ni|yok|pole|nav|nėra"
)
#: aids and impairments an answer to a needs field names (with ``CARE_NEED_STEMS`` and the conditions)
AID_STEMS = (
    "protes", "prothes", "prosthe", "protéz", "protez", "endoprot", "hearing aid", "hörgerät", "appareill",
    "appareil auditif", "apparecchio acustic", "apparecchi acustic", "audífono", "aparelho auditivo",
    "gehoorapparaat", "aparat słuchow", "aparatu słuchow", "naslouchadl", "hallókészülék", "hörapparat",
    "høreapparat", "kuulokoje", "proteză auditiv", "slušni aparat", "işitme cihaz", "crutch", "krücke",
    "béquille", "stampell", "muleta", "krukken", "berle", "mankó", "kryck", "krykk", "kainalosauv",
    "cârj", "πατερίτσ", "štak", "gebärdensprach", "sign language", "langue des signes", "lingua dei segni",
    "lengua de signos", "língua gestual", "gebarentaal", "język migow", "znakov", "jelnyelv", "teckenspråk",
    "tegnsprog", "tegnspråk", "viittomakiel", "νοηματικ", "işaret dili", "blind", "sourd", "sordo", "taub",
    "doof", "głuch", "neslyš", "siket", "døv", "kuuro", "surd", "κωφ", "gluh", "sağır", "intoleran",
    "intolléran", "intolleran", "unverträglich", "nietolerancj", "laktos", "lactos", "lattosio", "medica",
    "medika", "léky", "pacemaker", "herzschrittmacher", "stimulateur", "insulin",
)
#: what a person is paid by the day or the hour ("la tarifa diaria de la consultora ... es de 650 €")
RATE_WORDS = (
    r"day rate|daily rate|hourly rate|tagessatz|stundensatz|tagesgage|tarif journalier|taux journalier|"
    r"tarif horaire|tariffa giornaliera|tariffa oraria|tarifa diaria|tarifa por hora|tarifa horaria|"
    r"taxa diária|valor diário|dagtarief|uurtarief|dagvergoeding|stawka dzienna|stawka godzinowa|"
    r"denní sazba|hodinová sazba|denná sadzba|dagpris|timpris|dagssats|timesats|päivähinta|tuntihinta|"
    r"päivätaksa|napidíj|óradíj|tarif zilnic|tarif orar|ημερήσια αμοιβή|дневная ставка|денна ставка|"
    r"dnevnica|satnica|günlük ücret"
)
#: a budget's costs of people: the lines under them that name a person and an amount are that
#: person's pay
PERSONNEL_COST_WORDS = (
    r"personnel|personnel costs|personnel cost|staff costs|staff cost|salaries|salary costs|payroll|personalkosten|"
    r"personalaufwand|frais de personnel|coûts de personnel|dépenses de personnel|costi del personale|"
    r"costi di personale|gastos de personal|costes de personal|custos de pessoal|custos com pessoal|"
    r"personeelskosten|koszty osobowe|koszty personelu|osobní náklady|mzdové náklady|osobné náklady|"
    r"personalkostnader|personalomkostninger|personaleomkostninger|personalkostnader|henkilöstökulut|"
    r"palkkakulut|personalikulud|személyi jellegű|bérköltség|cheltuieli de personal|cheltuieli salariale|"
    r"δαπάνες προσωπικού|расходы на персонал|витрати на персонал|troškovi osoblja|stroški osebja|personel giderleri"
)
#: a period an amount of pay is for, after it ("52 000 SEK/månad", "650 € per day")
#: "gross" or "net" after an amount of pay ("3 800 EUR gross per month")
GROSS_WORDS = (
    r"gross|net|brutto|netto|brutos|brutas|netos|netas|lordi|netti|bruts|nets|bruto|neto|brut|lordo|bruttó|nettó|hrubého|hrubá|čistá|brüt|net olarak|"
    r"líquidos|líquido|ilíquidos|ilíquido|čistého|čistých|čistou|hrubých|netta|nette|lorda|lorde|brutte|"
    r"καθαρά|μικτά|нето|бруто"
)
#: the month or the year an amount net or gross is for, after it ("2.480 euro netti al mese",
#: "38 000 Kč čistého měsíčně", "7 800 zł netto miesięcznie")
NET_PAY_PERIODS = (
    r"month|monthly|a month|monat|monatlich|mois|mensuel|mese|mensili|mes|mensuales|mês|mensais|maand|"
    r"miesiąc|miesięcznie|měsíc|měsíčně|mesiac|mesačne|hó|havonta|havi|kuukausi|kuukaudessa|kuussa|"
    r"månad|måned|månadsvis|månedlig|lună|lunar|μήνα|месец|месечно|mjesec|mjesečno|mesec|mesečno|ay|"
    r"aylık|kuus|mēnesī|mėnesį|year|a year|yearly|annual|jahr|jährlich|an|annuel|anno|annui|año|"
    r"anuales|ano|anuais|jaar|rok|rocznie|ročně|ročne|év|évente|vuosi|vuodessa|år|årligen|årligt|an|"
    r"anual|χρόνο|година|godina|godišnje|leto|letno|yıl|yıllık|aasta|aastas|gadā|metus"
)
PAY_PERIODS = (
    r"month|monthly|månad|måned|monat|mois|mese|mes|mês|maand|miesiąc|měsíc|mesiac|hó|kuukausi|kuu|lună|"
    r"μήνα|месяц|місяць|mjesec|mesec|ay|day|tag|jour|giorno|día|dia|dag|dzień|den|deň|nap|päivä|päev|zi|"
    r"hour|stunde|std|heure|ora|hora|uur|godzina|godz|hodina|hod|óra|tunti|tund|timme|time|year|jahr|an|"
    r"anno|año|ano|jaar|rok|år|vuosi|aasta|pt|pm|fte|"
    # the adverbs and cases of a period ("3 450 EUR brutto měsíčně", "6 200 zł miesięcznie", "650 000 Ft
    # havonta", "1 800 EUR mēnesī", "2 300 eurot kuus", "42 000 Kč ročně")
    r"měsíčně|mesačne|miesięcznie|havonta|havi|mēnesī|mėnesį|kuus|kuussa|kuukaudessa|lunar|lunară|"
    r"mjesečno|mesečno|месечно|aylık|ayda|månadsvis|månedlig|månedligt|maandelijks|monatlich|mensuel|mensuels|"
    r"mensile|mensili|mensual|mensuales|mensal|mensais|ročně|ročne|rocznie|évente|vuodessa|aastas|gadā|metus|"
    r"godišnje|letno|годишно|yıllık|jährlich|annuel|annuels|annuo|annui|anual|anuales|anuais|jaarlijks|årligen|årlig"
)
#: a relative pronoun of possession, joining a person named before to the pay word after it ("Dr
#: Marek Lindgren, whose gross salary is", "dont le salaire brut est", "dessen Bruttogehalt", "il cui
#: stipendio", "cuyo sueldo", "jehož plat", "którego pensja", "akinek a fizetése")
RELATIVE_POSSESSIVES = (
    r"whose|dont le|dont la|dont les|dessen|deren|il cui|la cui|i cui|le cui|cuyo|cuya|cuyos|cuyas|cujo|cuja|"
    r"wiens|wier|van wie|którego|której|których|jehož|jejíž|jejichž|ktorého|ktorej|ktorých|akinek a|akinek az|"
    r"akinek|vars|hvis|hvers|jonka|kelle|kurio|kuras|kuru|kura|al cărui|al cărei|cărui|cărei|čiji|čija|čije|"
    r"katerega|katere|чиято|чийто|της οποίας|του οποίου|kimin"
)
POSSESSIVES = (
    r"my|his|her|their|mein|meine|sein|seine|ihr|ihre|mon|son|sa|il mio|il suo|mi|su|o meu|o seu|mijn|"
    r"zijn|haar|moja|jego|jej|moje|jeho|její|min|hans|hennes|hendes|hänen|minu|tema|"
    r"моя|его|ее|її|його|моята|негова|нейната|njegova|njena|"
    # the Slavic, Baltic, Italian and Portuguese ones ("můj plat", "mój zarobek", "môj plat", "moj
    # plača", "la mia retribuzione", "a minha remuneração", "mana alga", "mano atlyginimas")
    r"můj|mój|môj|moj|mojej|moji|mia|la mia|la sua|mio|suo|sua|meu|seu|minha|a minha|a sua|mana|mano|manas|"
    r"viņa|viņas|minun"
)
#: a possessive said after the pay word ("salariul ei brut", "ο μισθός της", "заплатата ѝ"), or a pay
#: word that holds its owner ("maaşı", "fizetése", "palkkansa", "plata mu"): somebody's pay
POSTPOSED_POSSESSIVES = r"ei|lui|lor|meu|mea|său|tău|του|της|μου|τους|му|ми|mu|joj|suo|sua|suyo|suya"
POSSESSED_PAY_WORDS = (
    r"maaşı|maaşım|fizetése|fizetésem|fizetését|palkkansa|palkkani|"
    r"onun maaşı|jo alga|jos alga|jo atlyginimas|jos atlyginimas|viņa alga|viņas alga|viņa atalgojums|"
    r"viņas atalgojums|njezina plaća|njegova plaća|njena plata|njegova plata|njena plača|njegova plača|"
    # the Scandinavian definite pay word with its possessive after it ("lønna mi", "lønnen min", "lönen
    # min", "løna hennar"), Finnish's own ("palkkasi"), and Portuguese's other pay words with a possessive
    # before ("o meu vencimento", "o seu ordenado")
    r"lønna mi|lønna di|lønna hans|lønna hennes|lønna hennar|løna mi|løna di|løna hans|løna hennar|"
    r"lønnen min|lønnen din|lønnen hans|lønnen hennes|lønnen hendes|lønnen sin|lönen min|lönen din|"
    r"lönen hans|lönen hennes|lönen sin|lønningen min|lønningen hans|palkkasi|palkkamme|"
    r"o meu vencimento|o seu vencimento|meu vencimento|seu vencimento|o teu vencimento|"
    r"o meu ordenado|o seu ordenado|meu ordenado|seu ordenado|o teu ordenado"
)
#: the words that open one of those possessed pay phrases and are no pay word of their own: the
#: anchors of their search
POSSESSED_PAY_ANCHORS = r"lønna|løna|lønnen|lönen|lønningen|palkkasi|palkkamme|vencimento|ordenado"
#: currencies, by sign and code, as an amount is written before or after its number
CURRENCIES = (r"[€$£]|eur|euro|euros|chf|kč|czk|zł|pln|huf|ft|sek|dkk|nok|kr|ron|lei|try|tl|bgn|лв|грн|uah|rub|₽|₺|₴|"
              # the currencies and the euro as EGI's other languages write them after an amount ("9 500 kn",
              # "2.400 evrov", "1 800 лева", "3 200 eurot", "45 000 dinara")
              r"kn|hrk|kuna|kune|rsd|dinara|динара|лева|евро|ευρώ|eura|evra|evrov|eurot|euroa|eiro|eurų|złotych|"
              r"korun|forint|kronor|kroner|lira|lirası")
#: messenger names that are also ordinary words ("signal", "matrix", "element"): only an
#: @handle near them counts
AT_HANDLE_WORDS = (
    r"signal|signalu|signale|matrix|element|сигнал|сигнале|сигналі|сигналу|σιγκναλ|სიგნალ|სიგნალი|"
    r"სიგნალზე|սիգնալ|סיגנל|messenger|мессенджер|месенджер|მესენჯერ|wire|briar|session|"
    # social networks: "Twitter: @jane", "on X @jane", "Instagram @jane.doe"
    r"twitter|on x|x:|instagram|insta|bluesky|bsky|threads|tiktok|fediverse|youtube"
)

# --- confidentiality markers --------------------------------------------------------------------

#: words and phrases that mark text as not public wherever they stand (unless negated)
MARKERS = (
    # en
    r"confidential|confidental|confedential|cyfrinachol|yn gyfrinachol|strictly confidential|private and confidential|private & confidential|"
    r"in confidence|in strict confidence|off the record|not for the record|"
    # "off the record" in the other languages' idioms (outside the minutes)
    r"εκτός πρακτικών|εκτός καταγραφής|fuori verbale|fuori dal verbale|fuera de acta|fora da ata|"
    r"hors procès-verbal|hors compte rendu|buiten de notulen|poza protokołem|mimo záznam|mimo zápis|"
    r"mimo záznamu|jegyzőkönyvön kívül|pöytäkirjan ulkopuolella|utanför protokollet|uden for referat|"
    r"utenfor referatet|izvan zapisnika|не для протокола|не за протокола|не для протоколу|tutanak dışı|"
    r"kayıt dışı|außerhalb des protokolls|ausserhalb des protokolls|neoficiálně řečeno|"
    r"not for publication|not for public(?: release| distribution| disclosure| consumption| use| view)?|"
    r"not to be (?:published|shared|distributed|disclosed|circulated|made public)|"
    r"must not be (?:published|shared|distributed|disclosed|made public|quoted)|"
    r"should not be (?:published|shared|distributed|made public)|cannot be (?:published|made public)|"
    r"not for the (?:public|minutes|ticket|case page|public page|website|catalogue)|"
    r"keep (?:this|that|it|these|them)(?: \w+)? (?:out of|off|away from) (?:the )?(?:minutes|ticket|public|website|page|catalogue|record)|"
    r"keep (?:this|that|it) (?:private|to yourself|to yourselves|between us|confidential|internal|quiet|under wraps)|"
    r"for your eyes only|eyes only|(?:just |only )?for your eyes|"
    r"need[- ]to[- ]know|hush[- ]hush|nda[- ]protected|"
    r"don'?t quote me|do not quote me|(?:under )?embargo(?:ed)? (?:until|till|up to|before)|under nda|"
    r"covered by (?:an |the )?nda|"
    r"restricted distribution|limited distribution|distribution restricted|tlp ?[:-] ?(?:red|amber(?:\+strict)?|green)|"
    r"classified|sensitive[:!]|this is private|this is personal|this is internal|das ist privat|das ist intern|"
    r"c'est privé|c'est personnel|è privato|es privado|é privado|dit is privé|to jest prywatne|to je soukromé|"
    r"nešiřte|nesdílejte|nepřeposílejte|nezveřejňujte|nepublikujte|nešírte|nezdieľajte|nepreposielajte|"
    r"nezverejňujte|ne širite|ne dijelite|ne delite|ne prosljeđujte|ne posredujte|ne objavljujte|"
    r"not (?:be )?(?:meant|intended|suitable|okay|ok|fine) for (?:the )?public|"
    r"(?:don'?t|do not|never|please don'?t|must not|should not|not to) (?:\w+ ){0,2}?(?:put|post|publish|include|"
    r"add|copy|paste|place|upload|mention|show) (?:[^.\n]{0,50} )?(?:on|in|into|to|onto) (?:the |any |a |our )?public",
    # de
    r"vertraulich|streng vertraulich|nur für den dienstgebrauch|vs-nfd|nicht öffentlich|nicht-öffentlich|"
    r"nicht zur veröffentlichung|nicht für die öffentlichkeit|nicht veröffentlichen|"
    r"sperrfrist bis|geheim[:!]|nicht für das ticket|bitte für sich behalten|"
    r"für sich behalten|unter nda",
    # fr
    r"confidentiel|strictement confidentiel|diffusion restreinte|diffusion limitée|non public|non publique|"
    r"ne pas diffuser|à ne pas diffuser|ne pas divulguer|ne pas publier|ne pas transmettre|ne pas partager|"
    r"sous embargo jusqu'au|gardez[- ]le pour vous|à garder pour vous|sous nda",
    # it, es, pt, ca
    r"riservatissimo|strettamente riservato|confidenziale|non divulgare|non diffondere|"
    r"non pubblicare|non condividere|non inoltrare|non per la pubblicazione|"
    r"confidencial|estrictamente confidencial|no difundir|no divulgar|no publicar|no compartir|"
    r"no reenviar|não divulgar|não publicar|não partilhar|não compartilhar|"
    r"não difundir|sigiloso|sigilosa",
    # nl, scandinavian, fi, et
    r"vertrouwelijk|strikt vertrouwelijk|niet verspreiden|niet delen|niet publiceren|niet doorsturen|"
    r"niet openbaar|konfidentiell|konfidentiellt|sprid inte|dela inte|publicera inte|"
    r"får inte spridas|inte för publicering|hemligt|fortroligt|fortrolig|må ikke deles|må ikke videregives|"
    r"må ikke offentliggøres|del ikke|ikke offentlig|konfidensielt|konfidensiell|ikke del|ikke for publisering|"
    r"luottamuksellinen|luottamuksellista|ei julkinen|ei julkista|älä levitä|älä jaa|älä julkaise|"
    r"ei saa levittää|salainen|konfidentsiaalne|mitte avalik|mitte levitada|mitte avaldada|ära jaga|ärge jagage|"
    r"ärge seda avalikult jagage|ära seda avalikult jaga",
    # pl, cs, sk, sl, hr, sr (latin), bs
    r"poufne|poufny|poufna|poufnie|ściśle tajne|tajne|niepubliczne|nie do publikacji|nie do rozpowszechniania|"
    r"nie rozpowszechniać|nie udostępniać|nie publikować|nie przekazywać|tylko do wiadomości|"
    r"zachować dla siebie|zachowaj dla siebie|nechte si to pro sebe|nechajte si to pre seba|"
    r"tartsa meg magának|tartsd meg magadnak|houd het voor je(?:zelf)?|behåll det för dig själv|"
    r"tenetelo per voi|tienilo per te|guárdelo para usted|guárdalo para ti|"
    r"důvěrné|důvěrný|důvěrná|neveřejné|neveřejný|nešířit|nezveřejňovat|nepublikovat|nepředávat|"
    r"není určeno ke zveřejnění|dôverné|neverejné|nešíriť|nezverejňovať|zaupno|ni za objavo|ne deliti|"
    r"ne širiti|ne objavljati|povjerljivo|poverljivo|nije za objavu|ne dijeliti|ne širiti|ne objavljivati|"
    r"ne prosljeđivati|ne deliti dalje|tajno",
    # hu, ro, lt, lv, tr, mt, sq, is
    r"bizalmas|szigorúan bizalmas|nem nyilvános|ne terjeszd|ne továbbítsd|ne tedd közzé|ne oszd meg|"
    r"ne publikáld|ne publikálja|ne publikáljátok|ne publikálják|ne tegye közzé|ne tegyétek közzé|"
    r"ne hozd nyilvánosságra|ne hozza nyilvánosságra|"
    r"titkos|confidențial|confidentiala|confidențială|strict confidențial|a nu se distribui|"
    r"a nu se publica|nu distribuiți|nu publicați|konfidencialu|konfidencialus|konfidenciali|"
    r"neplatinti|neskelbti|neviešinti|konfidenciāli|konfidenciāls|neizplatīt|"
    r"nepublicēt|gizli|hizmete özel|kişiye özel|paylaşmayın|yaymayın|yayınlamayın|yayınlanmamalı|"
    r"kunfidenzjali|konfidencial|trúnaðarmál|ekki birta|eadrainn féin|eadrainn fein|faoi rún|faoi run|ná foilsigh|"
    r"კონფიდენციალურია|კონფიდენციალური|არ გამოაქვეყნოთ|არ გაავრცელოთ|"
    r"ekki til birtingar|til innri nota|einungis til innri nota|"
    r"eingöngu til innri nota",
    # el, cyrillic
    r"εμπιστευτικό|εμπιστευτική|εμπιστευτικά|απόρρητο|απόρρητα|όχι για δημοσίευση|μην το διαδώσετε|"
    r"μην διανέμετε|μην κοινοποιήσετε|μη δημοσιεύσιμο|конфиденциально|конфиденциальн(?:ый|ая|ое|ые)|"
    r"не для распространения|не для публикации|не распространять|не публиковать|не пересылать|"
    r"для служебного пользования|дсп|секретно|конфіденційно|конфіденційн(?:ий|а|е|і)|"
    r"не для поширення|не для публікації|не поширювати|не публікувати|таємно|поверително|"
    r"не за разпространение|не разпространявайте|не публикувайте|поверљиво|не делити|не ширити|"
    r"не објављивати|доверливо|доверлив|доверлива|не споделувајте|не објавувајте",
    # the same words in every inflection, in both scripts where a language writes both (Serbian,
    # Montenegrin, Bosnian: Latin and Cyrillic; Macedonian, Bulgarian: Cyrillic)
    r"povjerljiv(?:o|a|i|e|u|og|ih|om)?|poverljiv(?:o|a|i|e|u|og|ih|om)?|"
    r"повјерљив(?:о|а|и|е|у|ог|их|ом)?|поверљив(?:о|а|и|е|у|ог|их|ом)?|"
    r"поверлив(?:о|а|и|ата|ото|ите)?|доверлив(?:и|ата|ото|ите)|поверителн(?:о|а|и|ият|ата|ото|ите)?|"
    r"строго поверливо|не за јавност|не за објава|не ширете|не проследувај|не за javnost|"
    r"samo za unutrašnju upotrebu|само за унутрашњу употребу|само за внатрешна употреба|"
    r"samo za internu upotrebu|само за интерну употребу|samo za službenu upotrebu",
    # he, ka, hy
    r"סודי|סודית|חסוי|חסויה|לא להפצה|אין להפיץ|לא לפרסם|კონფიდენციალური|საიდუმლო|"
    r"არ გაავრცელოთ|գաղտնի|կոնֆիդենցիալ|չտարածել|մի տարածեք",
    # official classification markings, their abbreviations, and the legal phrases of access
    # laws that exempt a text from public access, by language
    r"for official use only|fouo|official[- ]sensitive|restricted use|restricted information|"
    r"reserved information|covered by (?:professional |official )?secrecy|subject to secrecy|"
    r"not for (?:onward )?(?:distribution|forwarding|transmission)|do not forward|not to be forwarded|"
    r"exempt(?:ed)? from (?:public )?(?:disclosure|access)|nato (?:restricted|confidential|secret)|"
    r"cosmic top secret|top secret|strictly private|"
    r"restreint ue|eu restricted|confidentiel ue|eu confidential|secret ue|eu secret|eu-res|eu-con|"
    r"eu-sec|dissemination(?: level)? ?[:=-]? ?(?:sen|co|eu-res|eu-con|eu-sec|confidential|sensitive)",
    r"skal ikke publiseres|må ikke publiseres|skal ikke offentliggjøres|får ikke offentliggøres|"
    r"nem publikálható|nem hozható nyilvánosságra|nicht zu veröffentlichen|"
    r"nicht zur weitergabe|nicht weitergeben|nicht weiterleiten|vs-vertraulich|vs-geheim|verschlusssache|"
    r"streng geheim|dienstgeheimnis|amtsgeheimnis|unterliegt der geheimhaltung|geheimhaltungspflichtig|"
    r"nicht zur veröffentlichung bestimmt|vom informationszugang ausgenommen|nur für den dienstgebrauch",
    r"ne pas transférer|ne pas faire suivre|confidentiel défense|secret défense|très secret|"
    r"usage restreint|information réservée|informations réservées|soumis au secret|couvert par le secret|"
    r"non communicable|non destiné à (?:la )?publication|ne pas rendre public",
    r"riservatissimo|segretissimo|ad uso esclusivo|per uso esclusivo|uso esclusivo|informazioni riservate|"
    r"informazione riservata|coperto da segreto|soggetto a segreto|non destinato alla pubblicazione|"
    r"vietata la diffusione|diffusione limitata|escluso dall'accesso|uso riservato|"
    r"uso reservado|información reservada|difusión limitada|difusión restringida|materia clasificada|"
    r"sujeto a secreto|amparado por secreto|excluido del acceso público|solo para uso oficial|"
    r"informação reservada|informação classificada|muito secreto|difusão limitada|difusão restrita|"
    r"não reencaminhar|não encaminhar|sujeito a sigilo|abrangido pelo sigilo|coberto por sigilo",
    r"niet voor publicatie|niet voor verspreiding|departementaal vertrouwelijk|stg\.? geheim|staatsgeheim|"
    r"stg\.? confidentieel|beperkte verspreiding|uitgezonderd van openbaarmaking|valt onder geheimhouding|"
    r"sekretessbelagd|sekretessbelagt|sekretessbelagda|omfattas av sekretess|kvalificerat hemlig|"
    r"begränsat hemlig|får ej spridas|får ej publiceras|får inte publiceras|får ej delas|får inte delas|ej för publicering|vidarebefordra inte|skicka inte vidare|"
    r"endast för tjänstebruk|undtaget fra aktindsigt|undtaget offentlighed|må ikke videresendes|"
    r"videresend ikke|send ikke videre|ikke til offentliggørelse|kun til tjenestebrug|til tjenestebrug|"
    r"unntatt offentlighet|unntatt off\.?|strengt hemmelig|taushetsbelagt|ikke for publisering|"
    r"ikke videresend|skal ikke videresendes|kun til tjenestebruk|salassa pidettävä|salassapidettävä|"
    r"erittäin salainen|käyttö rajoitettu|ei julkaistavaksi|ei saa julkaista|ei saa jakaa|älä välitä eteenpäin|älä lähetä eteenpäin|"
    r"vain virkakäyttöön|julkisuuslain [^\n]{0,30}nojalla|trúnaðarupplýsingar|bundið trúnaði|"
    r"ekki til birtingar|ekki til dreifingar|ekki áframsenda|aðeins til innri notkunar|"
    r"asutusesiseseks kasutamiseks|mitte edastada|ära edasta|ärge edastage|juurdepääsupiiranguga|"
    r"salastatud",
    r"do użytku służbowego|tajemnica służbowa|tajemnica przedsiębiorstwa|informacj[ae] niejawn[ae]|"
    r"nie przesyłać dalej|objęte tajemnicą|wyłączone z udostępnienia|przísně tajné|přísně tajné|"
    r"nepřeposílat|neposílat dál|služební tajemství|pouze pro služební potřebu|vyloučeno z poskytnutí|"
    r"prísne tajné|neuverejňovať|nepreposielať|neposielať ďalej|služobné tajomstvo|len na služobné použitie|"
    r"iba pre služobnú potrebu|nezverejňovať|neverejné|korlátozott terjesztésű|szigorúan titkos|"
    r"nem közölhető|ne továbbítsa|ne hozza nyilvánosságra|hivatali titok|csak hivatalos használatra|"
    r"közzé nem tehető|άκρως απόρρητο|περιορισμένης χρήσης|περιορισμένης διανομής|μην προωθήσετε|"
    r"μην το προωθήσετε|για υπηρεσιακή χρήση|υπηρεσιακό απόρρητο|strogo povjerljivo|vrlo tajno|"
    r"službena tajna|samo za službenu uporabu|za službenu upotrebu|strogo zaupno|ni za objavo|"
    r"ne posredovati|samo za uradno uporabo|za uradno uporabo|službena skrivnost|strogo poverljivo|"
    r"ne prosleđivati|nije za objavljivanje|nije za javnost|samo za službenu upotrebu|"
    r"строго поверљиво|службена тајна|државна тајна|не прослеђивати|није за објављивање|није за јавност|"
    r"само за службену употребу|строго поверително|служебна тайна|за служебно ползване|"
    r"не за публикуване|не препращайте|да не се публикува|да не се разпространява|да не се споделя|строго секретно|secret de serviciu|secret de stat|strict secret|"
    r"nu se publică|nu se distribuie|a nu se difuza|nu transmiteți mai departe|nu redirecționați|"
    r"doar pentru uz oficial|nedestinat publicării|informații clasificate",
    r"riboto naudojimo|tarnybinio naudojimo|nepersiųsti|neskelbtina|visiškai slaptai|dienesta vajadzībām|"
    r"ierobežotas pieejamības|nepārsūtīt|nav paredzēts publicēšanai|çok gizli|ticari sır|gizlilik dereceli|"
    r"sadece resmi kullanım için|dağıtımı kısıtlı|iletmeyin|yayınlanmaz|"
    r"цілком таємно|для службового користування|дск|не пересилати|службова таємниця|комерційна таємниця|"
    r"совершенно секретно|коммерческая тайна|служебная тайна|ограниченного доступа|"
    r"строго доверливо|само за службена употреба|не за објавување|не препраќајте|не проследувајте|"
    r"סודי ביותר|לא לפרסום|לא להעברה|אין להעביר|אין לפרסם|"
    r"სრულიად საიდუმლო|სამსახურებრივი სარგებლობისთვის|არ გამოქვეყნდეს|არ გადაგზავნოთ|გასაიდუმლოებული|"
    r"հույժ գաղտնի|ծառայողական օգտագործման համար|չհրապարակել|մի փոխանցեք|չփոխանցել",
    # "is not (for the) public", "must not be made public", with the verb, in each language (the
    # bare adjective phrases, which also describe things, are in MARKERS_IN_POSITION)
    r"(?:is|are|was|were) not (?:yet )?(?:to be made )?public|(?:is|are) not (?:meant )?for (?:the )?public|"
    r"(?:darf|dürfen|soll|sollen) nicht (?:veröffentlicht|öffentlich gemacht) werden|ist nicht öffentlich|"
    r"n'est pas publi(?:c|que)|ne sont pas publi(?:cs|ques)|ne doit pas être (?:rendue? public|publiée?)|"
    r"non è pubblic(?:o|a)|non sono pubblic(?:i|he)|non pubblic(?:o|a|i|he)|"
    r"non (?:deve|devono) essere (?:res[oaie] pubblic[oaie]|pubblicat[oaie])|"
    r"no es públic(?:o|a)|no son públic(?:o|a)s|no públic(?:o|a)s?|no (?:debe|deben) (?:hacerse públic(?:o|a)s?|publicarse)|"
    r"não é públic(?:o|a)|não são públic(?:o|a)s|não públic(?:o|a)s?|não (?:deve|devem) ser (?:tornad(?:o|a)s? públic(?:o|a)s?|publicad(?:o|a)s?)|"
    r"is niet openbaar|zijn niet openbaar|mag niet openbaar gemaakt worden|"
    r"nie jest publiczn(?:y|a|e)|nie są publiczne|niepubliczn(?:y|a|e)|nie publiczn(?:y|a|e)|"
    r"nie może być upubliczniony|nie może być upubliczniona|nie może być upublicznione|"
    r"neveřejn(?:é|ý|á|ou)|není veřejn(?:é|ý|á)|nesmí být zveřejněn(?:o|a|y)?|"
    r"neverejn(?:é|ý|á|ou)|nie je verejn(?:é|ý|á)|nesmie byť zverejnen(?:é|ý|á)|"
    r"nem nyilvános|nu este public(?:ă|a)?|nu e public(?:ă|a)?|nu sunt publice|"
    r"inte offentlig(?:t|a)?|ikke offentlig(?:t|e)?|ei ole julki(?:nen|sta|sia)|eivät ole julkisia|"
    r"ei ole avalik|pole avalik|nėra viešas|nėra vieša|nėra vieši|nav publisk(?:s|a|i)|"
    r"ni javn(?:o|a|i)|nije javn(?:o|a|i)|nisu javn(?:i|e|a)|nije za javnost|"
    r"kamuya açık değil(?:dir)?|herkese açık değil(?:dir)?|kamuya açık olmayan|kamuya açıklanmamalı(?:dır)?|"
    r"δεν είναι δημόσι(?:ο|α|ος|ες)|μη δημόσι(?:ο|α|ος|ες)|δεν πρέπει να (?:δημοσιοποιηθ|δημοσιευθ)\w*|"
    r"не е публичн(?:а|о|и|ен)|не са публични|не публичн(?:а|о|ый|ая|ое|ые)|не является публичн\w+|"
    r"не є публічн\w+|не публічн\w+|не је јавн(?:о|а|и)|није јавн(?:о|а|и)|не е јавн(?:о|а|и)|"
    r"אינו ציבורי|אינה ציבורית|לא ציבורי|"
    # ar, ga, eu, sq, mt
    r"سري|سري للغاية|سرّي|غير للنشر|لا للنشر|rúnda|rúnda go hiomlán|ná foilsigh|ná scaip|"
    r"konfidentziala|isilpekoa|ez argitaratu|ez zabaldu|konfidencial|mos e publikoni|"
    r"kunfidenzjali|mhux għall-pubbliku",
)
#: "between us" in EGI's languages: a marker ("Just between us: ...", "Tikai starp mums - ..."), unless
#: the other party follows ("the latency between us and the storage site", "Entre nous et le
#: CC-IN2P3", "בינינו לבין האתר"): ``AND_WORDS`` after the phrase make it a relation, not a marking
BETWEEN_US = (
    r"(?:just |only |strictly )?between (?:you and me|you and i|us|ourselves)|between you and me and the (?:lamppost|gatepost|bedpost)|"
    r"unter uns(?: gesagt)?|entre nous(?: soit dit)?|soit dit entre nous|tra (?:di )?noi|detto tra noi|"
    r"entre nosotros|entre nosaltres|entre nós|onder ons(?: gezegd)?|oss emellan|mellan oss|mellem os|"
    r"mellom oss|okkar á milli|okkar í milli|meidän kesken|meidän välillämme|meidän väliseksi|meie vahel|"
    r"meie vahele|meie vahel öeldud|tik tarp mūsų|tarp mūsų|tikai starp mums|starp mums|między nami|"
    r"mezi námi|medzi nami|köztünk|köztünk szólva|maradjon köztünk|maradjon kettőnk között|kettőnk között|"
    r"med nama|med nami|među nama|између нас|међу нама|меѓу нас|между нас(?: казано)?|между нами|"
    r"між нами|паміж намі|между нами говоря|între noi|între noi fie vorba|μεταξύ μας|aramızda|"
    r"aramızda kalsın|ënnert eis|bejn tagħna|בינינו|ჩვენს შორის|մեր միջև|"
    # "between you and me", naming the two
    r"between me and you|idir mise agus tusa|idir tusa agus mise|idir an bheirt againn|"
    r"zwischen (?:dir|ihnen|euch) und mir|zwischen mir und (?:dir|ihnen|euch)|entre (?:toi|vous) et moi|"
    r"entre moi et (?:toi|vous)|tra me e te|tra te e me|entre tú y yo|entre usted y yo|entre tu y yo|"
    r"entre mim e ti|entre ti e mim|tussen jou en mij|tussen u en mij|tussen ons tweeën|między mną a tobą|"
    r"między nami dwojgiem|mezi mnou a tebou|medzi mnou a tebou|mellan dig och mig|mellem dig og mig|"
    r"mellom deg og meg|sinun ja minun välillä|minun ja sinun välillä|köztem és köztetek|köztem és közted|"
    r"între mine și tine|între tine și mine|μεταξύ σου και μένα|между мной и тобой|между тобой и мной|"
    r"між мною і тобою|між тобою і мною|између тебе и мене|између мене и тебе|između tebe i mene|"
    r"između mene i tebe|med tabo in mano|seninle benim aramda|ikimiz arasında|בינך וביני|בינינו לבין עצמנו"
)
#: counts: "between us" and a count, then a noun, is a relation between so many things
#: ("entre nous deux sites", "between our two sites"), not a marking ("entre nous deux : ...")
COUNT_WORDS = (
    r"two|three|both|deux|trois|zwei|drei|beiden|due|tre|dos|tres|dois|três|twee|drie|två|tre|to|"
    r"kaksi|kahden|kolmen|dwoma|trzema|dvěma|třemi|dvoma|tromi|két|három|doi|trei|δύο|τρία|двумя|тремя|"
    r"двома|трьома|iki|üç"
)
#: where a text goes that the public reads: a ticket, the public; "not for the ticket:", "Nu
#: pentru tichet:", "Не за тикет:", "Ei julkiseksi:" heading what follows mark it
#: (the ticket's word in its forms, since a line's lead is matched word by word)
TICKET_WORDS = (
    r"ticket|tickets|ticketu|ticketa|ticketet|ticketen|tiket|tiketa|tiketu|tiketi|tikett|tiketti|tiketin|"
    r"tikettiin|tiketissä|tikettiä|tichet|tichetul|tichete|tichetului|tiketas|tiketą|tikete|tiketā|tiketi|"
    r"тикет|тикета|тикету|тикети|тікет|тікета|тікеті|zgłoszenie|zgłoszenia|zgłoszeniu|hibajegy|hibajegybe|"
    r"hibajegyben|jegybe|ärendet|ärende|saken|sagen|zaak|dossier|αίτημα|δελτίο|заявку|заявки|заявка|запит|"
    r"minutes|protokoll|verbale|procès-verbal|notulen|protokół|zápis|zápisnica|jegyzőkönyv|pöytäkirja|"
    r"protokolls|protokollet|protokollen|protokołu|protokolu|zápisu|zápisnice|zápisnici|jegyzőkönyvbe|"
    r"pöytäkirjaan|referat|referatet|referatu|zapisnik|zapisnika|πρακτικά|протокол|протокола|compte rendu|"
    r"compte-rendu|acta|ata|"
    # the public case a ticket is published as, named so ("not to be copied to the public case:")
    r"public case|public cases|öffentlichen fall|öffentliche fall|cas public|caso pubblico|caso público|"
    r"openbare zaak|publiczną sprawę|publicznej sprawy|veřejný případ|veřejného případu|cazul public|"
    r"julkiseen tapaukseen|julkinen tapaus|offentliga ärendet|offentlige sag|δημόσια υπόθεση|публичния случай"
)
#: "public" said of a thing, in EGI's languages (stems and forms: "the service's public address",
#: "el correo público del servicio", "die öffentliche Adresse des Dienstes", "veřejná adresa služby")
PUBLIC_ADJECTIVES = (
    r"public|publique|publics|publiques|público|pública|públicos|pubblico|pubblica|pubblici|publiek|publieke|"
    r"openbaar|openbare|öffentlich|öffentliche|öffentlichen|öffentlicher|publiczny|publiczna|publicznego|"
    r"publicznej|ogólnodostępny|ogólnodostępna|veřejný|veřejná|veřejné|veřejnou|verejný|verejná|verejné|"
    r"verejnú|nyilvános|publică|publice|julkinen|julkisen|julkista|offentlig|offentliga|offentlige|"
    r"δημόσιο|δημόσια|δημόσιος|δημόσιας|javni|javna|javno|javne|публичен|публичния|публичната|публичен|"
    r"herkese açık|avalik|avaliku|publiska|publiskā|publiskais|viešas|viešasis|vieša|viešą|viešojo"
)
#: the public itself, in its forms ("julkiseksi": into the public; "für die Öffentlichkeit")
PUBLIC_WORDS = (
    r"public|publico|público|pubblico|publique|publiek|publiczne|publicznie|öffentlichkeit|offentligheten|"
    r"offentligheden|offentligheita|julkiseksi|julkisuuteen|julkiseen|avalikkusele|avalikuks|javnost|"
    r"javnosti|jawne|jawny|veřejnost|veřejnosti|verejnosť|verejnosti|nyilvánosság|nyilvánosságra|δημόσιο|"
    r"δημοσιότητα|публики|публика|публичност|јавност|јавности|kamuya|kamu|viešumai|publiskai|publicului|"
    r"publicul|публіки|загалу"
)
#: a place on the web the public reads ("not for the wiki:", "ne pas mettre en ligne -"): like the
#: ticket's word, a place only after "for", "in" or a verb of putting (``PUT_VERBS``), since "No
#: wiki:" says there is none and "Not online:" that something is down. (A grid site is no web site.)
ONLINE_WORDS = (
    r"wiki|wikis|the wiki|website|web site|webpage|web page|homepage|webseite|internetseite|site web|"
    r"sito web|sitio web|página web|pagina web|portal|portale|portail|blog|newsletter|internet|online|"
    r"on-line|en ligne|in linea|in rete|en línea|em linha|na internet|im netz|ins netz|strona|stronę|"
    r"stronie|weboldal|honlap|honlapra|webbplats|webbplatsen|hjemmeside|hjemmesiden|nettside|nettsiden|"
    r"verkkosivu|verkkosivuille|veebileht|ιστοσελίδα|сайт|сайта|сайті|уебсайт|confluence|"
    # the public web, named as such ("no debería salir en la web pública", "not on the public site")
    r"web|public web|public website|public site|public page|web pública|web publica|sitio público|"
    r"página pública|öffentliche webseite|öffentlichen webseite|öffentliche seite|öffentlichen seite|"
    r"site public|page publique|sito pubblico|pagina pubblica|site público|página pública|"
    r"publieke website|openbare website|publieke site|stronie publicznej|stronę publiczną|veřejný web|"
    r"veřejném webu|verejnom webe|nyilvános oldalon|offentliga webben|offentlige hjemmeside|"
    r"offentlige nettside|julkisella sivulla|avalikul veebilehel|site-ul public|δημόσια ιστοσελίδα|"
    r"javnoj stranici|javni web|javni spletni strani|публичния сайт|kamuya açık sitede|"
    r"publiskajā vietnē|viešoje svetainėje"
)
#: verbs of putting somewhere, in a short lead before a place: "ne pas mettre online -"
PUT_VERBS = (
    r"put|post|paste|add|write|publish|upload|mettre|mets|mettez|publier|poster|mettere|metti|mettete|"
    r"pubblicare|scrivere|poner|pongas|pongáis|publicar|subir|pôr|ponha|ponham|colocar|stellen|setzen|"
    r"schreiben|posten|hochladen|zetten|plaatsen|zet|wrzucać|wrzucaj|umieszczać|dávat|dávejte|psát|"
    r"tegye|tedd|sätt|lägg|skriv|læg|sæt|sett|legg|laita|laittakaa|pane|pange|pune|puneți|puneti|"
    r"βάλετε|βάλεις|ставить|ставьте|выкладывать|выкладывайте|викладати|викладайте|koymayın|koyma|"
    # "end up in": "får inte hamna i ärendet", "soll nicht im Protokoll landen"
    r"hamna|havne|ende|landen|landa|end up|finire|finisca|acabar|acabe|terminar|trafić|trafiać|skončit|"
    r"kerüljön|kerülni|päätyä|ajungă|ajunga|"
    # copying or carrying text over into it: "vă rog nu copiați în tichetul public", "da non riportare
    # nel caso pubblico", "not to be copied to the public case", "nicht in den öffentlichen Fall übernehmen"
    r"copy|copied|kopieren|kopiert|übernehmen|übernommen|übertragen|copier|copiez|reporter|reportez|"
    r"copiare|copiate|copiato|riportare|riportate|riportato|copiar|copiéis|copiado|copiem|kopiëren|"
    r"kopieer|overnemen|kopiować|kopiujcie|kopiuj|przepisywać|kopírovat|kopírujte|kopírovať|másolni|"
    r"másolja|másoljátok|kopioida|kopioi|kopioikaa|kopiera|kopiere|kopier|kopeerida|kopeerige|kopēt|"
    r"kopijuoti|copiați|copiaţi|copiezi|copia|αντιγράψετε|αντιγράψεις|αντιγραφεί|копирайте|копирате|"
    r"kopirati|kopirajte|kopyalamayın|kopyalama"
)
#: verbs of appearing somewhere, which mark only with a modal before them ("no debería salir en la
#: web", "darf nicht auf der Webseite erscheinen"; "does not appear on the web page" is a fault)
APPEAR_VERBS = (
    r"go out|appear|show up|be seen|erscheinen|auftauchen|apparaître|paraître|sortir|apparire|uscire|comparire|"
    r"salir|aparecer|sair|verschijnen|zichtbaar zijn|pojawić|pojawiać|ukazać|objevit|objevovat|objaviť|"
    r"megjelenni|megjelenjen|synas|komma ut|vises|komme ud|komme ut|näkyä|ilmestyä|ilmuda|apărea|apara|"
    r"εμφανιστεί|εμφανίζεται|появиться|появляться|з'явитися|pojaviti|pojavit|pojavi|се появява|"
    r"görünmemeli|görünmesin|parādīties|pasirodyti"
)
#: the modal verbs that make "not appear there" a wish: should, must, may in EGI's languages
MODAL_WORDS = (
    r"should|must|may|shall|ought|can|darf|dürfen|soll|sollte|sollten|sollen|muss|müssen|doit|doivent|"
    r"devrait|devraient|faut|deve|devono|dovrebbe|dovrebbero|può|debe|deben|debería|deberían|puede|"
    r"deveria|deveriam|devem|pode|mag|mogen|moet|moeten|zou|zouden|mogą|może|powinno|powinien|powinny|"
    r"powinna|powinni|smí|nesmí|mělo|nemělo|mala|nemalo|smie|nesmie|szabad|kellene|ska|skall|bör|borde|får|skal|bør|må|"
    r"pitäisi|saa|tohi|peaks|trebuie|trebui|πρέπει|должно|должен|должна|повинно|smije|smjelo|sme|smelo|"
    r"bi|трябва|olmamalı|malı|meli|vajadzētu|drīkst|turėtų|galima"
)
#: a colon said aloud, as speech recognition writes it in a dictated message ("nicht ins Ticket
#: Doppelpunkt", "får inte hamna i ärendet kolon")
SPOKEN_COLONS = (
    r"colon|doppelpunkt|deux-points|deux points|due punti|dos puntos|dois pontos|dubbele punt|dwukropek|"
    r"dvojtečka|dvojbodka|kettőspont|kaksoispiste|kolon|kolon tegn|koolon|două puncte|άνω και κάτω τελεία|"
    r"двоеточие|двокрапка|двоеточие|dvotočka|dvopičje|iki nokta"
)
#: a full stop or a comma said aloud in a dictated message ("hej snabbt punkt det här ...")
SPOKEN_STOPS = (
    r"period|full stop|comma|punkt|komma|point|virgule|punto|virgola|coma|ponto|vírgula|punt|kropka|przecinek|"
    r"tečka|čárka|bodka|čiarka|pont|vessző|piste|pilkku|punktum|τελεία|κόμμα|точка|запятая|кома|točka|zarez|"
    r"vejica|nokta|virgül|punct|virgulă"
)
#: "please" between a place's word and its colon: "nicht fürs Wiki bitte:"
PLEASE_WORDS = (
    r"please|pls|plz|bitte|svp|s'il vous plaît|s'il vous plait|per favore|pf|por favor|porfa|pfv|"
    r"proszę|prosze|prosím|kérem|vă rog|va rog|παρακαλώ|пожалуйста|будь ласка|молим|molim|lütfen|"
    r"alsjeblieft|aub|snälla|tack|kiitos|palun"
)
#: "into, in, for" before the ticket's word: "not for the ticket", "ne pas mettre dans le ticket"
INTO_WORDS = (
    r"in|into|on|onto|dans|sur|nel|nello|nella|sul|en|em|no|na|ins|im|fürs|in das|in den|ind i|i|w|we|v|ve|do|"
    r"u|în|į|σε|στο|στην|για|в|у|до|за|на|во|içine|-ba|-be|bij|på|til|ad|to"
)
#: "us": after "only" heading a line, a text kept to its writers' team ("Tikai mums:", "Nur für uns:")
WE_WORDS = (
    r"us|uns|nous|noi|nosotros|nosotras|nós|nos|ons|oss|os|meille|meitä|meile|mums|mum|mūsų|nam|nas|nás|"
    r"nami|nekünk|bize|bizim|нас|нам|εμάς|μας|לנו"
)
#: "you", the message's readers: after "only (for)" heading a line, a text kept to them ("Solo per
#: voi:", "Nur für euch:", "Only for you guys -")
YOU_WORDS = (
    r"you|you guys|you all|y'all|euch|dich|dir|ihnen|vous|toi|voi|te|vosotros|vosotras|ustedes|vós|vocês|"
    r"jullie|jou|wy|was|ciebie|vás|tebe|vy|nektek|neked|dere|dig|deg|teille|sinulle|teile|jums|tev|jus|"
    r"voi doi|vouă|ție|σας|εσάς|σένα|вас|вам|тебя|тебе|siz|sizin|sana|לכם|לך"
)
#: "and" in EGI's languages: after "between us", the other party of a relation follows it
AND_WORDS = (
    r"and|und|et|e|y|i|a|en|og|och|ja|és|si|și|ir|un|ve|и|і|та|й|και|ו|לבין|ու|და|plus|as well as"
)
#: phrases that keep a text from the public, in words of the team or the ticket rather than of
#: publishing ("not for the outside world", "ne doit pas sortir de l'équipe", "nicht ins
#: öffentliche Ticket", "detto in confidenza")
KEEP_INSIDE_PHRASES = (
    r"not (?:something|anything|stuff|one|a thing|meant|intended) for the public(?: \w+)?|"
    r"not for the outside(?: world)?|not for outsiders|not to leave (?:the|this) (?:team|room|group)|"
    r"redact (?:this|that|the following)(?: bit| part| paragraph| section| line| sentence)?|"
    r"don'?t (?:paste|put|post|copy|write|add|include|mention)[^.\n]{0,20}?(?:in|into|on) (?:the |this )?(?:public )?(?:ticket|case|queue)|"
    r"do not (?:paste|put|post|copy|write|add|include|mention)[^.\n]{0,20}?(?:in|into|on) (?:the |this )?(?:public )?(?:ticket|case|queue)|"
    r"told in confidence|"
    # "keep this between our teams": kept to the teams the message goes to
    r"keep (?:this|it|that|these|all this)(?: strictly| just| only)? between (?:us|ourselves|our (?:two |three )?"
    r"(?:teams|groups|sites|institutes|projects|organisations|organizations)|the (?:two |three )?(?:teams|groups|of us))|"
    r"(?:das |dies )?bleibt (?:bitte )?(?:unter uns|zwischen unseren teams|in unseren teams)|"
    r"(?:que ça|que cela|ça|cela) reste entre (?:nous|nos équipes|nos deux équipes)|à garder entre nous|"
    r"(?:che )?(?:resti|rimanga) tra (?:noi|i nostri team|i nostri gruppi)|"
    r"que quede entre (?:nosotros|nuestros equipos)|queda entre nosotros|"
    r"(?:que )?fique entre nós|fica entre nós|blijft (?:onder ons|tussen onze teams)|"
    r"(?:niech )?zostanie między nami|zostaje między nami|"
    # let it not leave the team, the room ("y esto que no salga del equipo", "che non esca dal gruppo",
    # "das darf das Team nicht verlassen", "aramızda kalsın")
    r"(?:que )?no (?:salga|debe salir|puede salir|sale) (?:del equipo|de aquí|de aqui|del grupo|de este grupo|"
    r"de esta sala|de nosotros|de este correo)|"
    r"(?:this|that|it) (?:doesn't|does not|shouldn't|should not|must not|mustn't|can't|cannot) leave (?:the|this|our) "
    r"(?:team|room|group)|don'?t let (?:this|that|it) (?:leave|get out of) (?:the|this|our) (?:team|room|group)|"
    r"(?:this|that|it) stays (?:between us|in the team|within the team|in this room|in the room)|between you and me|"
    r"(?:das |dies )?(?:bleibt|soll) (?:bitte )?(?:im team|in der gruppe|in diesem raum)|"
    r"(?:darf|soll) (?:das |dies )?(?:team|die gruppe|den raum) nicht verlassen|nicht aus dem team (?:tragen|geben)|"
    r"(?:que )?(?:ça|cela) ne sorte pas (?:de l'équipe|d'ici|du groupe|de ce groupe)|ça ne sort pas (?:de l'équipe|d'ici)|"
    r"(?:che )?non (?:esca|deve uscire|può uscire) (?:dal team|dal gruppo|da qui|da questa stanza|dalla squadra)|"
    r"(?:che )?(?:resti|rimanga) (?:nel team|nel gruppo|in questa stanza)|"
    r"(?:que )?não (?:saia|deve sair|pode sair) (?:da equipa|da equipe|daqui|do grupo)|"
    r"mag (?:het team|de groep) niet verlaten|blijft binnen (?:het team|de groep)|niet buiten het team|"
    r"(?:niech )?nie wychodzi poza (?:zespół|nas|ten pokój)|nie może wyjść poza zespół|zostaje w zespole|"
    r"(?:ať )?(?:to )?(?:zůstane|zůstává) mezi námi|nesmí (?:to )?opustit tým|ať to nejde (?:ven z týmu|mimo tým)|"
    r"(?:nech )?(?:to )?(?:zostane|zostáva) medzi nami|nesmie (?:to )?opustiť tím|"
    r"(?:ez )?maradjon köztünk|maradjon a csapaton belül|"
    r"(?:să )?rămână între noi|rămâne între noi|să nu iasă din echipă|"
    r"stannar inom teamet|stannar mellan oss|bliver i teamet|forblir i teamet|"
    r"jää meidän kesken|jääköön meidän kesken|pysyy tiimin sisällä|"
    r"να μείνει μεταξύ μας|μείνει μεταξύ μας|"
    r"(?:neka )?ostane među nama|(?:naj )?ostane med nami|(?:да )?остане между нас|"
    r"(?:bu )?aramızda kalsın|ekipten çıkmasın|ekip dışına çıkmasın|"
    r"jäägu meie vahele|jääb meie vahele|(?:lai )?paliek starp mums|lai neiziet ārpus komandas|"
    r"(?:tegul )?lieka tarp mūsų|tenelieka tarp mūsų|"
    r"nicht nach außen (?:tragen|geben|weitergeben|dringen)|nicht nach draußen|nur für euch|nur für dich|"
    r"nicht (?:ins|in das|in den|fürs|für das|auf die|auf den) (?:öffentliche[ns]? )?(?:ticket|ticket-archiv|ticketarchiv|fall|seite|portal)|"
    r"im vertrauen(?: gesagt)?|vertraulich gesagt|"
    r"niet voor de buitenwacht|niet naar buiten (?:brengen|gaan)|in vertrouwen(?: gezegd)?|niet in het (?:publieke |openbare )?ticket|"
    r"ne doit pas sortir (?:de l'équipe|d'ici|de ce groupe|du groupe)|ne pas sortir de l'équipe|"
    r"(?:à )?ne pas (?:mettre|publier|afficher) sur le site|"
    r"(?:soit )?dit en confidence|en toute confidence|ne (?:le |la |les )?(?:mets|mettez|mettre) pas dans le ticket(?: public)?|"
    r"(?:detto )?in confidenza|in via confidenziale|non (?:metterlo|metterla|scriverlo|scriverla|inserirlo) nel ticket(?: pubblico)?|"
    r"(?:dicho )?en confianza|no lo (?:pongas|pongáis|ponga|publiques|metas) en el (?:ticket|caso|portal)(?: público)?|"
    r"(?:dito )?em confiança|não (?:ponhas|coloques|coloque) isto no ticket(?: público)?|"
    r"w zaufaniu|nie (?:wpisuj|umieszczaj|wrzucaj) tego (?:do|w) (?:publicznego )?(?:zgłoszenia|ticketu)|"
    r"v důvěře|důvěrně řečeno|dôverne povedané|bizalmasan szólva|förtroligt sagt|i förtroende|"
    r"i fortrolighed|fortroligt sagt|luottamuksellisesti sanottuna|в доверии|по секрету|по секрету говоря|"
    r"по секрету кажучи|між нами кажучи|εμπιστευτικά να σας πω|"
    r"не за јавноста|не за публиката|ni za javnost|"
    # not for the website, the page or the wiki: a place the public reads
    r"not for (?:the |our )?(?:website|web site|web page|webpage|public page|wiki|site)|"
    r"nicht für (?:die |unsere )?(?:website|webseite|homepage|seite|wiki)|niet voor (?:de |onze )?(?:website|site|webpagina|wiki)|"
    r"pas pour le site(?: web)?|pas pour la page|non per il sito(?: web)?|non per la pagina|no para la web|"
    r"no para el sitio(?: web)?|não para o site|nie na stronę|nie na stronie|ne na web|ne na stránky|nem a honlapra|"
    r"inte för webbplatsen|ikke til hjemmesiden|ikke for nettsiden|ei verkkosivuille|όχι για την ιστοσελίδα|"
    r"μην δημοσιευτεί|να μη δημοσιευτεί|να μην δημοσιευτεί|μην το δημοσιεύσετε|μη δημοσιευτεί"
)
#: words that mark a text only as a heading or before a colon ("Nieoficjalnie: ...", "Off the
#: record -"): they also describe things ("the site unofficially supports CentOS 7")
UNOFFICIAL_WORDS = (
    r"unofficially|inoffiziell|unter der hand|officieusement|ufficiosamente|"
    r"extraoficialmente|oficiosamente|nieoficjalnie|neoficiálně|neoficiálne|nem hivatalosan|"
    r"inofficiellt|uofficielt|uoffisielt|epävirallisesti|mitteametlikult|neoficiāli|neoficialiai|"
    r"neslužbeno|neuradno|nezvanično|незванично|неофициално|неофициально|неофіційно|ανεπίσημα|"
    r"neoficial|resmi olmayarak|gayri resmi|officieus|"
    r"(?:strictly |only |just )?for (?:the )?(?:site |system |cluster |vo |core )?(?:admins|administrators|operators|insiders)(?: only)?|"
    r"confid\.|vertr\.|riserv\."
)
#: the long marker words a one-letter typo of which still marks text when it stands as a marking
#: (heading a line or a sentence, before '!' or ':', in capitals, in brackets): words of nine
#: letters or more only, since shorter words have real words one letter away
#: shorter marker words, read as markers when written with digits for letters ("1NTERNAL:")
LEET_MARKER_WORDS = tuple("internal interne interno internes restricted restreint riservato riservata geheim".split())
TYPO_MARKER_WORDS = (
    "confidential confidentially vertraulich vertrauliches confidentiel confidentielle confidenziale "
    "confidenziali riservatissimo confidencial vertrouwelijk konfidentiell konfidentiellt "
    "konfidensielt luottamuksellinen luottamuksellista konfidentsiaalne confidențial confidențială "
    "konfidencialus konfidenciāli kunfidenzjali εμπιστευτικό εμπιστευτική απόρρητο "
    "конфиденциально конфиденциальный конфіденційно поверително поверителен povjerljivo poverljivo "
    "povjerljivi bizalmasan důvěrného trúnaðarmál"
).split()

#: the label of a classification or a dissemination level: the level after it marks the text
#: unless it is a public one (``PUBLIC_LEVELS``)
CLASSIFICATION_LABELS = (
    r"classification|security classification|classified as|protective marking|sensitivity|sensitivity label|"
    r"schutzstufe|einstufung|geheimhaltungsgrad|classification de sécurité|niveau de classification|"
    r"classificazione|livello di classificazione|clasificación|grado de clasificación|classificação|"
    r"rubricering|klasyfikacja|klauzula|klauzula tajności|klasifikace|stupeň utajení|"
    r"stupeň utajenia|minősítés|minősítési szint|klassificering|säkerhetsklass|klassifisering|"
    r"klassifikation|luokitus|turvallisuusluokka|salassapitoluokka|turvaklass|klasifikacija|"
    r"stupanj tajnosti|stopnja tajnosti|clasificare|nivel de clasificare|įslaptinimo žyma|"
    r"slepenības pakāpe|gizlilik derecesi|гриф|гриф секретности|гриф обмеження доступу|ниво на класификација|"
    r"степен на класификация|степен тајности|διαβάθμιση|βαθμός ασφαλείας|סיווג|סיווג ביטחוני|"
    r"საიდუმლოების გრიფი|գաղտնիության աստիճան|dissemination level|dissemination|verbreitungsgrad|"
    r"niveau de diffusion|livello di diffusione|nivel de difusión|nível de disseminação"
)
#: levels that say a text is public
#: the names of a public level in EGI's languages (a list of levels that names one is a list, not
#: a marking: "(pubblico, interno, riservato)")
PUBLIC_LEVEL_NAMES = (
    r"public|publique|publico|público|pubblico|öffentlich|openbaar|jawne|publiczne|veřejné|verejné|"
    r"nyilvános|offentlig|julkinen|avalik|публично|публичный|публічний|јавно|javno|δημόσιο|"
    r"ציבורי|unclassified|non classifié|nicht eingestuft|tlp:clear|tlp:white"
)
PUBLIC_LEVELS = rf"pu|{PUBLIC_LEVEL_NAMES}|public\b|none|n/a|-|clear|white"

#: phrases that also describe things ("for internal use", "internal-only network"): a marker as a
#: heading, in brackets, before a colon or dash, or closing a sentence
MARKERS_IN_POSITION = (
    r"internal only|internal use|internal use only|for internal use|for internal use only|"
    r"internal[- ]only|nur intern|nur für den internen gebrauch|interner gebrauch|"
    r"usage interne|à usage interne|uso interno|solo uso interno|ad uso interno|per uso interno|"
    r"para uso interno|solo para uso interno|de uso interno exclusivo|intern gebruik|voor intern gebruik|"
    r"alleen voor intern gebruik|do użytku wewnętrznego|tylko do użytku wewnętrznego|"
    r"pro interní potřebu|pouze pro interní potřebu|interní použití|len pre internú potrebu|"
    # (cs, sk, pl, sl, hr: the phrase in the singular or the plural, "pre interné potreby")
    r"pro interní potřeby|pre internú potrebu|pre interné potreby|pre interné účely|pro interní účely|"
    r"do celów wewnętrznych|na potrzeby wewnętrzne|za interne potrebe|za interne potrebe|za interne svrhe|"
    r"belső használatra|csak belső használatra|för internt bruk|endast för internt bruk|"
    r"kun til intern brug|til intern brug|kun til internt bruk|internt bruk|vain sisäiseen käyttöön|"
    r"sisäiseen käyttöön|ainult sisekasutuseks|sisekasutuseks|uz intern|doar pentru uz intern|"
    r"tik vidiniam naudojimui|vidiniam naudojimui|tikai iekšējai lietošanai|iekšējai lietošanai|"
    r"yalnızca dahili kullanım|dahili kullanım|samo za internu upotrebu|za internu upotrebu|"
    r"samo za internu uporabu|samo za interno uporabo|μόνο για εσωτερική χρήση|εσωτερική χρήση|"
    r"для внутреннего пользования|для внутрішнього використання|само за вътрешна употреба|"
    r"للاستخدام الداخلي|للاستخدام الداخلي فقط|barne erabilerarako|barne erabilerarako soilik|"
    r"le haghaidh úsáide inmheánaí|për përdorim të brendshëm|għall-użu intern|"
    # "do not publish" abbreviated ("(internal, DNP):")
    r"dnp|d\.n\.p\.|"
    # Catalan, Welsh
    r"ús intern|per a ús intern|d'ús intern|només per a ús intern|at ddefnydd mewnol|at ddefnydd mewnol yn unig|"
    r"вътрешна употреба|само за интерна употреба|само за интерну употребу|לשימוש פנימי בלבד|"
    r"за внатрешна употреба|внатрешна употреба|за интерна употреба|za unutrašnju upotrebu|"
    r"за унутрашњу употребу|за интерну употребу|за вътрешно ползване|за вътрешна употреба|"
    r"לשימוש פנימי|fin uso interno|fin de uso interno|end of confidential part|ende vertraulich|"
    r"(?:for )?(?:egi |the )?(?:staff|team|board|committee|management|steering committee) (?:eyes )?only|"
    # "riservato", "reservado" also say a thing is reserved ("lo spazio riservato al VO")
    r"riservato|riservata|reservado|reservada|documento riservato|documento reservado|"
    r"internal note|internal remark|internal comment|interne notiz|interne anmerkung|note interne|"
    r"nota interna|nota interna|notatka wewnętrzna|interní poznámka|interne notitie|intern anteckning|"
    r"intern note|sisäinen huomautus|belső megjegyzés|εσωτερική σημείωση|внутренняя заметка|"
    r"not public|not yet public|non-public|nonpublic|not for the public|nicht öffentlich|non public|non publique|"
    r"under embargo|embargoed|embargo|sperrfrist|sous embargo|bajo embargo|sotto embargo|onder embargo|"
    r"niet openbaar|nie publiczne|neveřejné|neverejné|nem nyilvános|nem publikus|ikke offentlig|inte offentlig|ei julkinen|"
    r"mitte avalik|nu este public|nėra viešas|nav publisks|не публично|не є публічним|δεν είναι δημόσιο|"
    r"len na interné použitie|iba na interné použitie|na interné použitie|len pre interné použitie|iba pre interné použitie|pre interné použitie|pre vnútornú potrebu|kun for intern bruk|kun til intern bruk|"
    r"til intern bruk|ainult siseseks kasutamiseks|siseseks kasutamiseks|sadece iç kullanım için|"
    r"yalnızca iç kullanım için|iç kullanım için|iç kullanıma özel|только для внутреннего использования|"
    r"для внутреннего использования|тільки для внутрішнього використання|მხოლოდ შიდა გამოყენებისთვის|"
    r"შიდა გამოყენებისთვის|შიდა მოხმარებისთვის|միայն ներքին օգտագործման համար|ներքին օգտագործման համար|"
    # spelled without the diacritics that tell the case endings apart ("tikai iekseja lietosanai")
    r"tikai iekšēj\w{0,3} lietošan\w{0,3}|iekšēj\w{0,3} lietošan\w{0,3}"
)
#: the people a text may be kept to: with "only" and "for" before or "only" after them, heading a
#: line, in brackets or before a colon, they mark it ("Only for project partners:", "(for
#: consortium members only)", "Nur für Projektpartner:", "Solo per i partner del progetto:")
AUDIENCE_WORDS = (
    r"partners|project partners|consortium|consortium members|members|the consortium|the partners|"
    r"the collaboration|collaboration members|collaborators|reviewers|the reviewers|insiders|"
    r"partner|projektpartner|konsortialpartner|konsortium|mitglieder|mitarbeiter|mitarbeitende|gutachter|"
    r"partenaires|partenaires du projet|membres|membres du consortium|relecteurs|"
    r"partner del progetto|consorzio|membri|membri del consorzio|revisori|"
    r"socios|socios del proyecto|consorcio|miembros|revisores|parceiros|consórcio|membros|"
    r"projectpartners|leden|medewerkers|consortiumleden|partnerów|partnerów projektu|konsorcjum|członków|"
    r"partnery|partnery projektu|konsorcium|členy|partnerov|partnereknek|partnerek|partnerit|jäsenet|"
    r"partnerne|medlemmer|partnerna|medlemmar|partenerii|parteneri|membrii|συνεργάτες|εταίρους|μέλη|"
    r"партнёров|партнеров|партнерів|партньори|партнере|partnere|partnerji|partneri|članove|članovi|"
    r"ortaklar|üyeler|partnerid|liikmed|partneriai|nariai|partneri"
)
#: the articles an audience may have after "for": "für die", "pour les", "per i", "para los"
AUDIENCE_ARTICLES = r"the|die|den|les|aux|i|gli|le|los|las|os|as|de|het|τους|τα|тих"
#: a word calling for the reader's attention, heading its line with a comma or a colon, before a
#: heading word and its dash: "OBS, internt – inte för ärendet:", "NB, intern –", "Huom, sisäinen –"
ATTENTION_WORDS = (
    r"obs|nb|n\.b\.|note|notice|attention|achtung|hinweis|wichtig|beachte|important|nota|nota bene|ojo|"
    r"atención|atencion|atenção|aviso|let op|opgelet|uwaga|pozor|upozornění|upozornenie|figyelem|megjegyzés|"
    r"huom|huomio|huomioi|bemærk|merk|märkus|tähelepanu|piezīme|uzmanību|pastaba|dėmesio|atenție|atentie|"
    r"σημείωση|προσοχή|забележка|внимание|примечание|увага|примітка|napomena|pažnja|pažnja|opomba|dikkat|ps|p\.s\."
)
#: single words that mark text only as a heading or in brackets ("INTERNAL", "[privat]")
HEADING_WORDS = (
    r"internal|intern|interne|interno|interna|interní|interné|wewnętrzne|belső|internt|sisäinen|"
    # the adverbs ("Uniquement en interne, ...", "tylko wewnętrznie", "pouze interně", "vain sisäisesti")
    r"en interne|wewnętrznie|interně|belsőleg|sisäisesti|εσωτερικά|iekšēji|sisemiselt|интерно|"
    r"dahili|вътрешно|внутреннее|внутрішнє|εσωτερικό|private|privat|privé|privato|privado|prywatne|"
    r"soukromé|personal|persönlich|personnel|personale|restricted|eingeschränkt|restreint|ristretto|"
    r"restringido|beperkt|zastrzeżone|omezené|korlátozott|begränsad|geheim|segreto|secreto|"
    r"sensitive|sensibel|sensible|secret|secrète|secretă|segreto|secreto|sigiloso|geheim|hemlig|hemligt|"
    r"hemmelig|hemmeligt|salainen|salajane|slapta|slepeni|gizli|tajno|tajné|tajne|titkos|vyhrazené|"
    r"vyhradené|ograničeno|ограничено|ограничен|службено|интерно|интерна|zaupno|leynilegt|"
    r"restricted|begrenset|reserved|reservado|riservato|réservé|sen|co|eu-res|eu-con|eu-sec|"
    r"ограниченный|обмежено|שמור|מוגבל|შეზღუდული|սահմանափակ"
)
#: inflected adjectives that describe things mid-sentence ("vertrauliche Daten werden ...") but
#: mark text when they head a line or stand before a colon
MARKER_ADJECTIVES = (
    r"vertrauliche[nrs]?|confidentielles?|confidenciales|riservati|riservate|confidenziali|"
    r"vertrouwelijke|poufnych|poufnym|poufną|důvěrných|důvěrnou|bizalmasan|konfidentiella|"
    r"fortrolige|luottamukselliset|εμπιστευτικές|εμπιστευτικών|конфиденциальную|конфиденциальных|"
    r"конфіденційну|конфіденційних|поверителна|поверителни|povjerljive|povjerljivi|zaupne|"
    r"confidențiale|konfidencialūs|konfidenciālas|gizlidir"
)
#: "do not" and its kin: before a sharing verb, they mark what follows as not for the public
SHARE_NEGATIONS = (
    r"do not|don't|dont|please don't|please do not|kindly do not|never|must not|mustn't|should not|"
    r"shouldn't|cannot|can't|may not|not to|nicht|bitte nicht|keinesfalls|auf keinen fall|ne pas|merci de ne pas|"
    r"ne|n'|non|per favore non|no|por favor no|não|niet|nie|proszę nie|prosím ne|ne|nem|kérem ne|"
    r"älä|ei saa|ära|ärge|palun ärge|mitte|nu|a nu se|vă rog nu|μην|να μην|не|не надо|нельзя|ne smijete|"
    r"nemojte|lütfen|אל|לא|ar|մի|չ"
)
#: verbs of sharing and publishing, as they follow "do not" in each language
SHARE_VERBS = (
    r"share|distribute|redistribute|forward|publish|disclose|circulate|quote|repost|post|spread|pass on|"
    r"pass (?:this|it|that) on|leak|reveal|make (?:this|it|that )?public|put|include|cite|mention|copy|"
    r"weitergeben|weiterleiten|verbreiten|veröffentlichen|teilen|publizieren|zitieren|posten|öffentlich machen|"
    r"diffuser|divulguer|publier|transmettre|partager|relayer|citer|rendre public|"
    r"divulgare|diffondere|pubblicare|condividere|inoltrare|girare|citare|rendere pubblico|"
    r"difundir|divulgar|publicar|compartir|reenviar|circular|citar|hacer público|"
    r"partilhar|compartilhar|reencaminhar|encaminhar|tornar público|"
    r"verspreiden|delen|publiceren|doorsturen|doorgeven|openbaar maken|citeren|"
    r"rozpowszechniać|udostępniać|publikować|przekazywać|upubliczniać|rozsyłać|cytować|"
    r"šířit|zveřejňovat|zveřejnit|publikovat|předávat|sdílet|šíriť|zverejňovať|zdieľať|"
    r"terjeszd|továbbítsd|tedd közzé|oszd meg|továbbítani|terjeszteni|nyilvánosságra hozni|"
    r"publicera|vidarebefordra|videregiv|videregive|offentliggør|videresend|"
    r"publiser|levitä|jaa|julkaise|välitä|levittää|jakaa|julkaista|jaga|jagage|levita|levitage|"
    r"avalda|avaldage|edasta|izplatīt|publicēt|pārsūtīt|dalīties|platinti|skelbti|persiųsti|dalintis|"
    r"distribui|publica|răspândi|divulga|trimite|διαδώσετε|διανέμετε|δημοσιεύσετε|κοινοποιήσετε|"
    r"προωθήσετε|διαδώσεις|распространять|публиковать|пересылать|разглашать|делиться|поширювати|"
    r"публікувати|пересилати|розголошувати|розповсюджувати|разпространявайте|публикувайте|споделяйте|"
    r"препращайте|dijeliti|deliti|širiti|objavljivati|objaviti|prosljeđivati|prosleđivati|делити|ширити|"
    r"распространяйте|пересылайте|публикуйте|разглашайте|делитесь|поширюйте|пересилайте|публікуйте|"
    r"розголошуйте|діліться|διαδώσετε|προωθήσετε|δημοσιεύσετε|αναρτήσετε|"
    r"објављивати|споделувајте|објавувајте|ширете|paylaşmayın|yaymayın|yayınlamayın|iletmeyin|"
    r"להפיץ|לפרסם|לשתף|להעביר|გაავრცელოთ|გააზიაროთ|տարածեք|տարածել"
)
#: the same verbs as a negated command is conjugated ("no lo publiquéis", "ne le partagez pas",
#: "non pubblicatelo", "não divulguem"): forms that are also adjectives and past tenses ("le
#: versioni non pubblicate"), so a marker only before a colon, a dash or the sentence's end
SHARE_IMPERATIVES = (
    r"publiques|publiquéis|publique|publiquen|compartas|compartáis|comparta|compartan|difundas|difundáis|"
    r"difunda|difundan|divulgues|divulguéis|divulgue|divulguen|reenvíes|reenviéis|reenvíe|reenvíen|"
    r"partilhes|partilhe|partilhem|compartilhes|compartilhe|compartilhem|divulguem|publiquem|encaminhes|"
    r"encaminhe|encaminhem|publiez|publie|partagez|partage|diffusez|diffuse|divulguez|transmettez|transmets|"
    r"relayez|mettez|pubblicate|pubblicatelo|pubblicarlo|pubblicatela|pubblicarla|condividete|condividetelo|"
    r"condividerlo|diffondete|diffonderlo|divulgate|divulgarlo|inoltrate|inoltrarlo|girate|girarlo|"
    r"publikujcie|publikuj|udostępniajcie|udostępniaj|przekazujcie|zveřejňujte|zveřejňuj|sdílejte|"
    r"sdílej|publicați|publicati|distribuiți|distribuiti|trimiteți|trimiteti"
)
#: Scandinavian verbs of sharing that are short words of other languages too ("del": Spanish and
#: Italian "of the", Danish "share"; "dela": Slovene "works", Swedish "share"; "spre": Romanian
#: "towards"): after "do not" only in their own languages ("ikke del", "inte dela", "ikke spre"),
#: not after any language's negation ("No es un problema del servidor", "strežnik ne dela")
NORDIC_SHARE_VERBS = r"del|dele|dela|sprid|sprida|spre|spreie|spred|sprede"
NORDIC_SHARE_NEGATIONS = r"ikke|ikkje|inte|ej|icke|aldri|aldrig|må ikke|får inte|skal ikke|ska inte"
#: "outside" (the group, the project): after a negated command to share, where it may go no further
#: ("No compartas esto fuera del proyecto", "ne le transmettez pas en dehors du consortium")
OUTSIDE_WORDS = (
    r"outside|beyond|außerhalb|ausserhalb|hors|en dehors|fuori|al di fuori|fuera|fora|buiten|poza|mimo|"
    r"kívül|utanför|uden for|udenfor|utenfor|ulkopuolelle|väljaspool|ārpus|už|în afara|in afara|εκτός|"
    r"извън|вне|поза|izvan|zunaj|dışında|dışına"
)
#: verbs that mean sharing only with a negation after them (Scandinavian word order)
SHARE_VERBS_BEFORE_NEGATION = r"sprid|dela|publicera|del|dele|spre|publiser|videresend|vidarebefordra"
SHARE_NEGATIONS_AFTER = r"inte|ikke|ej|icke"
#: "no longer" after a negation ("nu mai trimite date": the cluster no longer sends data): a state,
#: not a command, unless a colon or a dash follows
NO_LONGER_WORDS = (
    r"mai|mehr|plus|più|longer|more|más|mais|meer|już|už|már|enää|enam|vairs|daugiau|artık|πια|больше|"
    r"більше|više|več|lenger|längre|længere"
)
#: a negation after the marker word, as Turkish puts it: "gizli bir şey yok" ("nothing secret"),
#: "gizli değil" ("not secret")
NEGATIONS_AFTER = (r"(?:bir (?:şey|sey|bilgi|veri|husus) )?(?:yok|yoktur|değil|degil|değildir|degildir)|"
                   # Georgian and Armenian put "is not", "there are none" after the noun
                   # ("კონფიდენციალური ინფორმაცია არ არის", "գաղտնի տվյալներ չկան")
                   r"(?:[^\s.!?;:]+[ \t]+)?(?:არ არის|არ არსებობს|არაა|չկան|չկա|չեն|չէ)")
#: keys, the plural a "don't paste ... into the ticket" names, in EGI's languages
KEY_WORDS = (
    r"keys|schlüssel|clés|cles|chiavi|claves|chaves|sleutels|klucze|kluczy|klíče|klíčů|kľúče|kulcsok|kulcsokat|"
    r"avaimet|avaimia|nycklar|nøgler|nøkler|κλειδιά|ключи|ключове|ключі|ključeve|ključe|ključi|anahtarlar|"
    r"anahtarları|võtmeid|võtmed|atslēgas|raktus|raktai|chei|cheile|secrets|geheimnisse|segreti|secretos|segredos"
)
#: a clause's subject that says "nothing" or "none of it", in EGI's languages: a marker word after it
#: and a copula says the text is not confidential ("nothing in this ticket is confidential",
#: "nichts in diesem Antrag ist vertraulich", "niets in deze aanvraag is vertrouwelijk")
NOTHING_SUBJECTS = (
    r"nothing|none|no part|not one|nichts|keines|keiner|rien|aucun|aucune|niente|nulla|nessuno|nessuna|"
    r"nada|ninguno|ninguna|nenhum|nenhuma|niets|geen enkel|geen enkele|nic|žádná|žádný|nič|ništa|ničesar|"
    r"nimic|niciuna|niciunul|nieko|nekas|semmi|egyik sem|ingenting|inget|intet|ingen av|mitään|mikään|midagi|"
    r"τίποτα|τίποτε|κανένα|ничего|нищо|ништа|hiçbir şey|hiçbiri"
)
#: a contrast or an exception between such a subject and the marker word: the marker is used
#: ("nothing changed, but this part is confidential", "none except the list below is confidential")
CONTRAST_WORDS = (
    r"but|however|except|apart from|other than|aber|jedoch|sondern|außer|ausser|mais|sauf|sinon|ma|però|"
    r"tranne|eccetto|salvo|pero|sino|excepto|mas|porém|exceto|maar|behalve|ale|oprócz|poza|kromě|okrem|"
    r"kivéve|men|utom|undtagen|unntatt|mutta|paitsi|dar|cu excepția|bet|išskyrus|izņemot|αλλά|εκτός|"
    r"но|освен|ali|osim|razen|ancak|ama|hariç|aga|välja arvatud"
)
#: the value of a marker's label that says there is nothing so ("Confidential information: none",
#: "Embargo: keines", "Informazioni riservate: nessuna, ..."): a form's answer, not a marking
NONE_VALUES = (
    r"none|no|nil|n/a|nothing|not applicable|keine|keines|nein|nichts|entfällt|aucune|aucun|non|rien|néant|"
    r"nessuna|nessuno|niente|nulla|ninguna|ninguno|nada|nenhuma|nenhum|não|geen|nee|niets|brak|nie|żadne|"
    r"žádné|ne|nic|žiadne|nincs|nem|ingen|inga|nej|ei|ei ole|niciuna|niciunul|nu|nėra|nav|καμία|κανένα|όχι|"
    r"няма|не|нет|nema|ni|yok|hayır|puudub|pole"
)
#: "no need to" (mark, treat, keep...): a marker word after it in its clause says the text is not
#: confidential ("No hace falta marcar esto como confidencial:")
#: a project's requirement that its data stay confidential ("we need to make sure the data stay
#: confidential", "sicherstellen, dass die Daten vertraulich bleiben"): a wish about how data is
#: handled, no marking of the text. The verb of ensuring, the data, the verb of staying
ENSURE_WORDS = (
    r"make sure|ensure|ensuring|guarantee|sicherstellen|gewährleisten|garantieren|s'assurer|assurer|garantir|"
    r"assicurare|assicurarci|garantire|asegurar|asegurarnos|garantizar|zorgen dat|ervoor zorgen|waarborgen|"
    r"zapewnić|upewnić się|zajistit|zaistiť|biztosítani|biztosítanunk|varmistaa|varmistaaksemme|säkerställa|"
    r"sikre|sørge for|asigura|asigurăm|διασφαλίσουμε|διασφαλίσει|гарантира|гарантираме|osigurati|zagotoviti|"
    r"sağlamak|emin olmak|tagada|nodrošināt|užtikrinti"
)
DATA_SUBJECT_WORDS = (
    r"data|dataset|datasets|images|files|records|results|daten|datensätze|bilder|données|fichiers|dati|"
    r"immagini|datos|imágenes|dados|imagens|gegevens|beelden|dane|obrazy|údaje|data|adatok|képek|tiedot|"
    r"aineisto|kuvat|uppgifter|bilder|oplysninger|opplysninger|date|datele|imaginile|δεδομένα|данни|"
    r"данните|podaci|podatki|veriler|verilerin|andmed|dati|duomenys"
)
STAY_VERBS = (
    r"stay|stays|remain|remains|are kept|is kept|be kept|stay fully|remain fully|bleiben|bleibt|"
    r"restent|reste|restino|rimangano|rimanga|permanezcan|permanezca|permaneçam|permaneça|blijven|blijft|"
    r"pozostaną|pozostały|zůstanou|zůstala|zostanú|maradjanak|maradnak|pysyvät|pysyy|förblir|forbliver|"
    r"forblir|rămân|să rămână|παραμένουν|παραμένουν|остават|ostanu|ostanejo|kalmasını|jäävad|paliek|liktų"
)
NOT_NEEDED = (
    r"no need to|there is no need to|not necessary to|needn't|need not|no hace falta|no es necesario|"
    r"no hay que|nicht nötig|nicht notwendig|muss nicht|müssen nicht|braucht nicht|pas besoin de|"
    r"inutile de|pas la peine de|non serve|non c'è bisogno di|non è necessario|não é preciso|"
    r"não é necessário|não precisa|niet nodig|hoeft niet|hoeven niet|nie trzeba|nie ma potrzeby|"
    r"není třeba|není potřeba|netreba|nie je potrebné|nem kell|nem szükséges|nu e nevoie|"
    r"nu este necesar|behöver inte|behøver ikke|trenger ikke|ei tarvitse|ei ole tarvetta|pole vaja|"
    r"nereikia|nav vajadzības|gerek yok|δεν χρειάζεται|не нужно|не надо|не потрібно|не треба|"
    r"не е нужно|nije potrebno|ni treba|ni potrebno|nie potrzeba|"
    # the writer needing none of it ("We do not need any confidential information from you")
    r"do not need|don't need|does not need|doesn't need|do not require|don't require|"
    r"brauchen keine|brauchen wir keine|benötigen keine|benötigen wir keine|n'avons pas besoin|"
    r"n'avons besoin d'aucune|n'avons besoin d'aucun|non abbiamo bisogno|non ci servono|non ci serve|"
    r"no necesitamos|não precisamos|nie potrzebujemy|nepotřebujeme|nepotrebujeme|nincs szükségünk|"
    r"nu avem nevoie|vi behöver inga|vi behöver ingen|vi behøver ingen|vi trenger ingen|emme tarvitse|"
    r"δεν χρειαζόμαστε|не ни трябва|не се нуждаем|ne trebamo|ne potrebujemo|mums nereikia|mums nevajag"
)
#: objects that make "do not share X" security advice rather than a marking
#: "never" in EGI's languages: with a credential word in its sentence, a marker word there gives
#: advice ("Heslo nikdy neposílejte, je to důvěrný údaj"), it does not mark the text
NEVER_WORDS = (
    r"never|niemals|nie|jamais|mai|nunca|nooit|nigdy|nikdy|nikdar|nikada|nikad|nikoli|nikdy|soha|sose|"
    r"aldrig|aldri|koskaan|kunagi|niekada|nekad|niciodată|niciodata|ποτέ|никогда|ніколи|никога|никада|"
    r"asla|לעולם|არასოდეს|երբեք"
)
#: what a mail footer's legal boilerplate says around its marker word ("This e-mail may contain
#: confidential information intended only for ..."): a notice about mail in general, not a marking
#: of the text it ends
DISCLAIMER_PHRASES = (
    r"may contain|might contain|can contain|could contain|may include|"
    r"kann [^.\n]{0,40}enthalten|können [^.\n]{0,40}enthalten|peut contenir|peuvent contenir|"
    r"può contenere|possono contenere|puede contener|pueden contener|pode conter|podem conter|"
    r"kan [^.\n]{0,40}bevatten|kunnen [^.\n]{0,40}bevatten|kan innehålla|kan indeholde|kan inneholde|"
    r"voi sisältää|tartalmazhat|poate conține|poate contine|może zawierać|mogą zawierać|může obsahovat|"
    r"môže obsahovať|lahko vsebuje|može sadržavati|može sadržati|ενδέχεται να περιέχει|μπορεί να περιέχει|"
    r"может содержать|може містити|може да съдържа|içerebilir|עשוי להכיל|עשויה להכיל|"
    r"intended (?:solely |only |exclusively )?for the (?:addressee|recipient|named recipient)"
)
#: the recipient and the message of a mail footer's notice ("Diese Nachricht ist vertraulich und nur
#: für den bezeichneten Empfänger bestimmt", "Esta mensagem é confidencial e destina-se ao
#: destinatário"): both in the marker word's sentence make it the notice, not a marking
RECIPIENT_WORDS = (
    r"recipient|recipients|addressee|addressees|empfänger|empfängerin|adressat|adressaten|destinataire|"
    r"destinataires|destinatario|destinatari|destinatário|destinatários|destinatarios|geadresseerde|"
    r"ontvanger|adresata|adresáta|adresát|címzett|címzettje|mottagare|mottagaren|modtager|modtageren|"
    r"mottaker|mottakeren|vastaanottaja|vastaanottajalle|adressaat|adresaat|destinatarul|destinatarului|"
    r"adresatui|adresātam|alıcı|alıcısı|παραλήπτη|παραλήπτες|получателя|адресата|одержувача|адресата|"
    r"primatelja|naslovnika|primaoca|прималац|примаоца|נמען|"
    # (the forms "if you are not the recipient" takes: "nejste adresátem", "nie jesteś adresatem",
    # "не сте получателят", "δεν είστε ο παραλήπτης", "nejste zamýšleným příjemcem")
    r"adresátem|adresatem|adresatom|odbiorcą|příjemcem|príjemcom|получател|получателят|адресат|адресатът|"
    r"παραλήπτης|primatelj|naslovnik|prejemnik|naslovljenec|adresatas|adresāts|saņēmējs|vastaanottaja|"
    r"adressaten|destinatária|"
    # (to whom it is meant: "určen výhradně adresátovi", "przeznaczona wyłącznie dla adresata")
    r"adresátovi|příjemci|adresatowi|odbiorcy|adresatului|címzettnek|адресату|получателю|primatelju|"
    r"naslovniku|prejemniku|alıcıya|adressaadile|adresaadile|vastaanottajalle|geadresseerden"
)
#: words that send something by a route ("through", "via", "use"), before the channel they name:
#: "upload it only through the confidential upload form", "über das vertrauliche Upload-Formular"
ROUTE_WORDS = (
    r"through|via|using|use|by means of|über|durch|mittels|nutzen sie|verwenden sie|benutzen sie|par|au moyen de|"
    r"utilisez|en utilisant|tramite|attraverso|mediante|usando|utilizzando|usate|utilizzate|usa|por|por medio de|"
    r"utilice|através|atraves|utilize|door middel van|gebruik|przez|za pomocą|użyj|użyjcie|korzystając z|"
    r"pomocí|přes|prostřednictvím|použijte|cez|prostredníctvom|pomocou|použite|prin|folosind|folosiți|"
    r"kautta|avulla|käytä|käyttäkää|genom|använd|gennem|brug|gjennom|bruk|μέσω|χρησιμοποιήστε|чрез|"
    r"използвайте|preko|putem|koristite|prek|uporabite|üzerinden|aracılığıyla|kullanın|kaudu|abil|kasutage|"
    r"caur|izmantojot|izmantojiet|naudojant|naudokite|per|segítségével|használja|keresztül"
)
#: a channel by which documents are handed in: a form, a portal, an upload page, a mailbox (a
#: compound's last part too: "Upload-Formular", "upload-form")
CHANNEL_WORDS = (
    r"form|forms|upload form|upload page|upload|portal|portals|channel|channels|mailbox|dropbox|"
    r"formular|formulars|formulare|formularen|kanal|kanals|kanäle|postfach|formulaire|formulaires|"
    r"portail|canal|canaux|boîte|modulo|moduli|portale|canale|canali|casella|formulario|formularios|"
    r"buzón|formulário|formulários|caixa|formulier|formulieren|portaal|kanaal|postbus|formularz|formularza|"
    r"formularzu|portalu|kanał|kanału|kanałem|skrzynk[aęi]|formulář|formuláře|formulářem|portálu|portál|"
    r"kanál|kanálem|schránk[auy]|formulár|formulára|formulárom|formularul|portalul|canalul|"
    r"lomake|lomakkeen|lomakkeella|portaali|portaalin|kanava|kanavan|blankett|blanketten|formuläret|"
    r"portalen|kanalen|φόρμα|φόρμας|πύλη|πύλης|κανάλι|формуляр|формуляра|портал|портала|канал|"
    r"канала|obrazac|obrazca|obrazec|portala|kanala|obrazcem|formu|vorm|vormi|veidlapa|"
    r"veidlapu|forma|formą|formos|űrlap|űrlapon|űrlapot|portálon|csatorna|csatornán"
)
#: relative pronouns opening a clause that describes the noun before it ("the form, which is not
#: public", "das Formular, das nicht öffentlich ist", "le portail, qui n'est pas public")
RELATIVE_PRONOUNS = (
    r"which|that|who|der|die|das|welcher|welche|welches|qui|lequel|laquelle|che|il quale|la quale|que|el cual|"
    r"la cual|o qual|a qual|dat|welke|który|która|które|który jest|který|která|které|ktorý|ktorá|ktoré|care|"
    r"joka|mikä|som|der|hvilket|hvilken|που|ο οποίος|η οποία|το οποίο|който|която|което|koji|koja|koje|ki|"
    r"kateri|katera|katero|mis|kes|kas|kurš|kura|kuris|kuri|amely|ami|aki"
)
#: the word a program's error report opens with ("error:0909006C:PEM routines:...", "Fehler: ...",
#: "erreur (2) ..."): after "private key:" or "password:", the program says what went wrong
PROGRAM_ERROR_WORDS = (
    r"error|err|errors|fehler|erreur|errore|erro|fout|błąd|blad|chyba|hiba|virhe|fel|fejl|feil|eroare|"
    r"σφάλμα|грешка|greška|napaka|hata|viga|kļūda|klaida|failure|failed|fatal"
)
#: verbs of talking something over, as stems (any ending follows): "the confidential points we
#: will discuss at the meeting", "Vertrauliches besprechen wir im Call", "Поверителните въпроси ще
#: обсъдим на срещата"
DISCUSS_STEMS = (
    r"discuss|talk|go through|go over|bespr|bered|klär|durchgeh|discut|parler|parlons|parleron|aborder|abordon|"
    r"évoquer|évoqueron|parliam|parlerem|vediamo|affrontiam|hablar|hablam|hablarem|coment|tratar|tratarem|"
    r"falar|falam|falarem|conversar|conversam|bespreek|bespreken|omów|omawia|porozmaw|prober|probír|probrat|"
    r"preberi|prebrat|pohovor|megbeszél|megvitat|átbeszél|keskustel|käydään läpi|käymme läpi|diskuter|"
    r"drøft|snakke|prata|pratar|tala om|συζητ|raspravi|razgovar|porazgovar|pogovori|obravnav|обсъд|обсъжд|"
    r"обсужд|обговор|görüş|konuş|arut|pārrun|apsprie|aptar|aptarsi"
)
#: where or how a talk is held, away from the written case (stems): a meeting, a call, in person
ELSEWHERE_STEMS = (
    r"meeting|call|phone|telephone|in person|face to face|offline|off-line|privately|in private|separately|"
    r"zoom|teams|webex|jitsi|telco|videocall|besprechung|sitzung|treffen|telefon|persönlich|gesondert|"
    r"unter vier augen|jour fixe|réunion|téléphon|en privé|séparément|de vive voix|en tête-à-tête|riunion|"
    r"telefon|a voce|in privato|separatamente|a parte|reunión|teléfono|en persona|en privado|aparte|"
    r"por separado|reunião|telefone|pessoalmente|em privado|vergader|overleg|telefonisch|persoonlijk|"
    r"onder vier ogen|spotkani|telefoniczn|osobiście|prywatnie|na osobności|schůz|porad|telefonick|osobně|"
    r"soukromě|stretnut|osobne|súkromne|megbeszélés|értekezlet|telefonon|személyesen|ședinț|sedint|"
    r"întâlnir|intalnir|personal, |kokou|palaveri|puhelimessa|puhelimitse|henkilökohtaisesti|kahden kesken|"
    r"möte|mötet|personligen|mødet|møde|møtet|møte|personlig|συνάντησ|σύσκεψ|τηλέφων|τηλεφωνικ|ιδιωτικ|"
    r"sastan|osobno|privatno|sestan|osebno|срещ|заседани|телефон|лично|насаме|встреч|совещани|зустріч|"
    r"нарад|toplantı|telefonda|yüz yüze|koosolek|kohtumis|isiklikult|sanāksm|sapulc|tikšan|telefoniski|"
    r"personīgi|susitikim|posėd|telefonu|asmeniškai"
)
#: how a password reaches its people other than written in the message (stems, any ending follows):
#: a table's password cell that says so holds none ("jaetaan paperilla paikan päällä", "handed out
#: on paper", "wird vor Ort ausgegeben", "envoyé par SMS")
HANDED_OUT_STEMS = (
    r"on paper|paper|handed out|hand out|given out|distributed|on site|on-site|at the venue|in person|by sms|"
    r"via sms|by text|by phone|separately|sent separately|papier|auf papier|vor ort|ausgegeben|ausgeteilt|verteilt|"
    r"per sms|persönlich|gesondert|separat|sur papier|sur place|distribué|distribue|remis|par sms|en personne|"
    r"séparément|su carta|cartace|in loco|in sede|distribuit|consegnat|di persona|separatamente|en papel|"
    r"in situ|en el sitio|repartid|entregad|en persona|por separado|em papel|no local|distribuíd|"
    r"pessoalmente|em separado|op papier|ter plaatse|uitgedeeld|persoonlijk|na papierze|na miejscu|"
    r"rozdan|osobiście|osobno|na papíře|na papieri|na místě|na mieste|rozdán|rozdan|osobně|osobne|zvlášť|"
    r"zvlášt|papíron|papiron|helyben|helyszínen|kiosztjuk|kiosztva|személyesen|külön|pe hârtie|pe hartie|"
    r"la fața locului|distribuite|paperilla|paperille|paperisena|paikan päällä|paikan paalla|"
    r"jaetaan|jaettu|jaetut|tekstiviesti|henkilökohtaisesti|erikseen|på papper|på plats|på plats|delas ut|"
    r"utdelas|personligen|på papir|på stedet|deles ut|udleveres|udleveret|utleveres|personlig|"
    r"σε χαρτί|επί τόπου|μοιράζ|αυτοπροσώπως|na papiru|na licu mjesta|na mjestu|podijel|osobno|odvojeno|"
    r"na papirju|na kraju samem|razdel|osebno|ločeno|на хартия|на място|раздад|лично|отделно|kağıt|kagit|"
    r"yerinde|dağıtıl|dagitil|şahsen|sahsen|ayrıca|paberil|kohapeal|jagatakse|isiklikult|eraldi|uz papīra|"
    r"uz vietas|izdal|personīgi|atsevišķi|popieriuje|vietoje|išdalin|asmeniškai|atskirai"
)
#: how a mail footer's notice goes on after its marker word's sentence: "If you have received this
#: e-mail in error", "irrtümlich erhalten", "reçu par erreur" (or "if you are not the intended
#: recipient": a negation, then a recipient word)
ERROR_RECEIPT_WORDS = (
    r"in error|by mistake|by error|irrtümlich|irrtumlich|fälschlicherweise|versehentlich|par erreur|"
    r"per errore|por error|por equivocación|por engano|por erro|per abuis|abusievelijk|ten onrechte|"
    r"per vergissing|omyłkowo|przez pomyłkę|omylem|omylom|tévesen|téves|véletlenül|av misstag|"
    r"ved en fejl|ved en feil|ved feil|erehdyksessä|virheellisesti|vahingossa|ekslikult|eksikombel|"
    r"din greșeală|din greseala|din eroare|κατά λάθος|по ошибке|помилково|по грешка|greškom|pogreškom|"
    r"pomotoma|pomotoma|po pomoti|napačno|yanlışlıkla|hatayla|kļūdas pēc|kļūdaini|per klaidą|klaidingai"
)
MESSAGE_WORDS = (
    r"message|e-mail|email|mail|nachricht|e-mail-nachricht|mensagem|messaggio|mensaje|correo|courriel|"
    r"bericht|wiadomość|zpráva|správa|üzenet|meddelande|besked|melding|viesti|sõnum|mesaj|mesajul|žinutė|"
    r"ziņa|ziņojums|μήνυμα|сообщение|повідомлення|порука|poruka|sporočilo|съобщение|הודעה|"
    # (in their cases: "Treść tej wiadomości jest poufna", "obsah této zprávy je důvěrný")
    r"wiadomości|wiadomośc|e-maila|emaila|maila|e-mailu|emailu|mailu|zprávy|zprávě|zprávu|správy|správe|"
    r"üzenetet|üzenetben|üzenet tartalma|meddelandet|meddelelsen|beskeden|meldingen|meldinga|viestin|"
    r"sõnumi|mesajın|mesajı|žinutės|ziņas|μηνύματος|сообщения|съобщението|поруке|poruke|sporočila|"
    r"messaggi|mensajes|mensagens|nachrichten|berichten|courriels"
)
#: "only" or "solely" before the recipient in a mail footer's next sentence ("Odbiorcą może być
#: jedynie jej adresat", "Sie ist ausschließlich für den Adressaten bestimmt"): with ``ONLY_WORDS``
SOLELY_WORDS = (
    r"solely|exclusively|jedynie|wyłącznie|ausschließlich|ausschliesslich|allein|exclusivement|"
    r"unicamente|esclusivamente|únicamente|exclusivamente|uitsluitend|enkel|výhradně|výlučně|výlučne|"
    r"výhradne|kizárólag|uteslutande|enbart|udelukkende|utelukkende|ainoastaan|yksinomaan|üksnes|exclusiv|"
    r"αποκλειστικά|исключительно|виключно|изключително|isključivo|izključno|sadece|tikai|tiktai|vienīgi"
)
#: words for one's credentials (a marker word said of them is advice when "never" is near)
CREDENTIALS_WORDS = (
    r"credentials?|credenziali|credenciales|credenciais|identifiants|zugangsdaten|anmeldedaten|"
    r"inloggegevens|dane logowania|přihlašovací údaje|prihlasovacie údaje|hitelesítő adatok|"
    r"inloggningsuppgifter|login|logins|tunnukset|διαπιστευτήρια|учетные данные|облікові дані"
)
ADVICE_OBJECTS = (
    r"your|yours|their|his|her|any|anyone's|credentials?|passwords?|passphrases?|private keys?|keys?|"
    r"tokens?|secrets?|prox(?:y|ies)|certificates?|accounts?|logins?|pins?|ports?|traffic|requests?|"
    r"packets?|x11|agent|connections?|jobs?|load|work|ihr|ihre|ihren|dein|deine|votre|vos|ton|ta|tes|"
    r"tuo|tua|tuoi|su|sus|tu|tus|uw|je|jouw|twoje|twojego|swoje|váš|vaše|tvoje|az ön|din|ditt|dina|"
    r"sinun|teie|oma|tavo|savo|jūsu|tău|dumneavoastră|τον κωδικό|το συνθηματικό|свой|свою|ваш|вашу|свій|"
    r"твій|вашия|своя|вашата|вашиот|својата|својот|твојата|твојот|svoj|svoju|svoje|vaš|vašu|vaše|şifrenizi|şifreni|password|passwort|kennwort|mot de passe|"
    r"hasło|hasła|heslo|contraseña|senha|wachtwoord|lösenord|passord|salasana|jelszó|parola|parolă|"
    r"пароль|парол|lozinku|lozinka|geslo|šifru|slaptažodį|paroli|parooli|şifre|סיסמה|clé|schlüssel|"
    # a kind of personal data named as a kind ("we must not publish personal contact details in
    # tickets"): a rule about such data, not a marking
    r"personal (?:contact )?(?:details|data|information)|contact details|phone numbers|e-mail addresses|"
    r"email addresses|home addresses|personenbezogene daten|persönliche daten|kontaktdaten|"
    r"données personnelles|coordonnées|dati personali|datos personales|dados pessoais|persoonsgegevens|"
    r"dane osobowe|osobní údaje|osobné údaje|személyes adatok|personuppgifter|personoplysninger|"
    r"personopplysninger|henkilötiedot|isikuandmed|date personale|datele personale|προσωπικά δεδομένα|"
    r"персональные данные|персональні дані|osobni podaci|osebni podatki|asmens duomenys|personas dati|"
    r"kişisel veriler|kişisel verileri"
)

#: a kind of payment data named as a kind ("Bitte KEINE Kontodaten oder Kartennummern hier ins
#: Ticket schreiben"): what the reader is asked to keep out of a place, not a marking of the text
PAYMENT_DATA_WORDS = (
    r"bank details|bank account details|account details|card numbers?|credit card numbers?|card details|"
    r"payment details|iban|ibans|kontodaten|bankdaten|bankverbindung|bankverbindungen|kartennummer|"
    r"kartennummern|kreditkartennummer|kreditkartennummern|kreditkartendaten|zahlungsdaten|"
    r"coordonnées bancaires|numéro de carte|numéros de carte|rib|dati bancari|coordinate bancarie|"
    r"numero di carta|numeri di carta|datos bancarios|número de tarjeta|números de tarjeta|dados bancários|"
    r"número do cartão|números de cartão|bankgegevens|rekeningnummer|rekeningnummers|kaartnummer|"
    r"kaartnummers|dane bankowe|numer konta|numery kont|numer karty|numery kart|bankovní údaje|"
    r"číslo účtu|čísla účtů|číslo karty|čísla karet|bankové údaje|číslo účtu|čísla účtov|bankszámlaszám|"
    r"bankszámlaszámot|kártyaszám|kártyaszámot|bankuppgifter|kontonummer|kontonummer|kortnummer|"
    r"bankoplysninger|kontooplysninger|pankkitiedot|tilinumero|tilinumeroa|kortin numero|korttinumero|"
    r"date bancare|numărul cardului|numere de card|τραπεζικά στοιχεία|αριθμό κάρτας|bankovni podaci|"
    r"broj kartice|bančni podatki|številka kartice|банкови данни|номер на карта|banka bilgileri|"
    r"kart numarası|kart numaraları|pangaandmed|kaardi number|bankas dati|kartes numurs|banko duomenys|"
    r"kortelės numeris"
)

#: "the same" and "between / with / among": "do not share the same proxy between users" is advice
#: on how to use a thing, not a marking (the object is what both words frame)
SAME_WORDS = (
    r"the same|same|one and the same|den gleichen|die gleiche|das gleiche|denselben|dieselbe|dasselbe|"
    r"dieselben|le même|la même|les mêmes|lo stesso|la stessa|gli stessi|le stesse|el mismo|la misma|"
    r"los mismos|las mismas|o mesmo|a mesma|os mesmos|as mesmas|hetzelfde|dezelfde|tego samego|tej samej|"
    r"tych samych|ten sam|tę samą|to samo|stejný|stejné|stejnou|ugyanazt|ugyanazon|samma|det samme|"
    r"den samme|de samme|samaa|samoja|sama|sama|același|aceeași|aceleași|τον ίδιο|την ίδια|το ίδιο|"
    r"один и тот же|одну и ту же|одно и то же|той же|тот же|истия|същия|същата|isti|istu|isto"
)
BETWEEN_WORDS = (
    r"between|among|amongst|across|with|by|for|zwischen|unter|mit|für|entre|avec|par|pour|tra|fra|con|"
    r"per|entre|con|para|com|por|tussen|met|voor|między|pomiędzy|z|przez|mezi|s|pro|között|több|mellan|"
    r"med|för|mellem|for|kesken|välillä|kanssa|între|cu|pentru|μεταξύ|με|για|между|с|для|между|със|за|"
    r"između|sa|za"
)

#: nouns that introduce a quoted title, notice or label ("the document "Política de uso confidencial
#: de datos"", "the notice in your signature ("This e-mail is confidential ...")"): the words in the
#: quotes are that text's, quoted, not a marking of the message
QUOTED_TEXT_NOUNS = (
    r"document|documento|dokument|doc|policy|policies|política|politique|politica|richtlinie|leitlinie|"
    r"guide|guideline|guidelines|leitfaden|handbook|handbuch|manual|manuel|manuale|title|titel|titre|"
    r"titolo|título|tytuł|název|notice|\w*hinweis|mention|avviso|aviso|disclaimer|footer|"
    r"fußzeile|signature|signatur|firma|assinatura|label|etikett|étiquette|etichetta|heading|section|"
    r"chapter|kapitel|chapitre|capitolo|capítulo|report|bericht|rapport|relazione|informe|relatório|"
    r"template|vorlage|modèle|modello|plantilla|modelo|sjabloon|szablon|course|kurs|cours|corso|curso|"
    r"training|schulung|formation|formazione|formación|webinar|talk|vortrag|session|slide|slides|folie|"
    r"folien|newsletter|article|artikel|articolo|artículo|paper|clause|klausel|clausola|cláusula"
)
#: words that open a clause weighing whether something is confidential ("we discussed whether
#: the plan should be marked confidential"): the clause asks, it does not mark (only the words that
#: mean nothing else; "if", "si", "se", "of" need a verb of asking or discussing before them)
WHETHER_WORDS = (
    r"whether|ob|czy|zda|zdali|jestli|dacă|daca|wether|"
    r"(?:discussed|asked|wondered|checked|decide|decided|discuss|ask|check|unsure|not sure) if|"
    r"(?:besproken|gevraagd|bekeken|nagegaan|beslissen|besloten) of|"
    r"(?:discuté|demandé|vérifié|vérifier|décider|savoir) si|"
    r"(?:chiesto|discusso|verificato|verificare|decidere|capire) se|"
    r"(?:preguntado|discutido|verificado|decidir|saber) si|"
    r"(?:perguntou|perguntado|discutido|verificar|decidir|saber) se|"
    r"(?:gefragt|besprochen|geprüft|überlegt|klären|prüfen) ob|"
    r"(?:frågade|diskuterade|undrade) om|(?:spurgte|diskuterede) om|(?:spurte|diskuterte) om|"
    # "we discussed which fields are confidential": which, not whether
    r"(?:discussed|decided|agreed|asked|checked) (?:which|what)|(?:besproken|besloten|bekeken) (?:welke|wat)|"
    r"(?:besprochen|entschieden|geklärt) (?:welche|was)|(?:discuté|décidé) (?:quels|quelles|quel|quelle)|"
    r"(?:discusso|deciso) (?:quali|quale|cosa)|(?:discutido|decidido) (?:qué|cuáles|cuál|quais|qual|o que)"
)
#: verbs that turn a question with a marker word into a request to keep something confidential
#: ("could you keep this confidential?", "pouvez-vous traiter ceci de manière confidentielle ?")
KEEP_VERBS = (
    r"keep|kept|treat|treated|handle|handled|hold|stay|remain|behalten|behandeln|bleiben|garder|traiter|"
    r"rester|mantenere|trattare|tenere|restare|rimanere|mantener|tratar|quedar|manter|ficar|houden|behandelen|"
    r"blijven|zachować|zachowaj|traktować|pozostać|zachovat|uchovat|zůstat|tratați|păstrați|"
    r"κρατήστε|сохраните|держите|pidä|pitäkää|håll|behold|tarts|megőrizni|kezelni"
)
#: a word just before a marker that makes it say the opposite ("not confidential")
#: the words that negate a verb or a phrase ("not", "ne ... pas", "ei", "не"): a short lead with one
#: of them first says where a text must not go ("Nu pentru tichet:")
NEGATION_PARTICLES = (
    r"not|non|no|nicht|kein|keine|pas|ne|niet|geen|nie|nem|inte|ej|ikke|ei|ära|ärge|mitte|δεν|όχι|μη|μην|"
    r"не|ні|nu|değil|לא|არ|ní|níl|nėra|nav"
)
#: "or not" after a marker word: whether it is one is asked ("Confidential or not: classify each
#: dataset as ...", "Vertraulich oder nicht?"), in EGI's languages
OR_NOT_WORDS = (
    r"or not|or no|oder nicht|ou non|ou pas|ou não|ou nao|o no|o non|o meno|of niet|czy nie|lub nie|albo nie|"
    r"nebo ne|nebo ně|alebo nie|vagy nem|vagy sem|sau nu|ori nu|vai ei|eller inte|eller ej|eller ikke|"
    r"ή όχι|ή μη|ili ne|ali ne|или не|или нет|чи ні|mi değil mi|mı değil mi|mi degil mi|mi yoksa değil mi|"
    r"või mitte|vai nē|vai ne|ar ne|ir ne|או לא"
)
#: a verb that makes or hands over something (a command "prints a link", a portal "generates a
#: URL"), then what it makes: a do-not-share phrase with "it" after them is about that thing, which
#: is not in the text ("The command prints a link valid for 7 days; do not put it into the ticket")
PRODUCE_VERBS = (
    r"prints|print|outputs|generates|generate|returns|creates|displays|shows|gives you|you get|you will get|"
    r"you'll get|you receive|you will receive|produces|issues|gibt|erzeugt|generiert|liefert|zeigt|erstellt|"
    r"affiche|génère|genere|renvoie|retourne|crée|cree|fournit|stampa|genera|restituisce|mostra|crea|"
    r"fornisce|imprime|devuelve|muestra|produce|gera|retorna|exibe|mostra|cria|fornece|geeft|genereert|"
    r"toont|maakt|drukuje|generuje|zwraca|wyświetla|wyswietla|tworzy|vypíše|vypise|vygeneruje|vrátí|vrati|"
    r"zobrazí|vytvoří|vytvorí|kiírja|kiirja|generál|general|létrehoz|ad egy|tulostaa|luo|palauttaa|antaa|"
    r"skriver ut|genererar|returnerar|visar|skapar|udskriver|genererer|returnerer|viser|opretter|lager|"
    r"εμφανίζει|παράγει|δημιουργεί|επιστρέφει|ispisuje|generira|generiše|vraća|vraca|prikazuje|izpiše|"
    r"ustvari|vrne|prikaže|извежда|генерира|връща|създава|yazdırır|üretir|uretir|döndürür|oluşturur|"
    r"prindib|genereerib|tagastab|loob|izdrukā|ģenerē|atgriež|izveido|išspausdina|sugeneruoja|grąžina|"
    r"sukuria|afișează|afiseaza|generează|genereaza|returnează|creează"
)
PRODUCED_THINGS = (
    r"link|links|url|urls|address|pre-signed url|presigned url|signed url|lien|liens|adresse|collegamento|"
    r"indirizzo|enlace|dirección|ligação|endereço|koppeling|odnośnik|odnosnik|adres|odkaz|adresu|adresa|"
    r"hivatkozás|hivatkozast|hivatkozást|linkki|linkin|osoite|länk|länken|lænke|lenke|σύνδεσμο|σύνδεσμος|"
    r"poveznicu|poveznica|povezavo|povezava|връзка|адрес|bağlantı|baglanti|viide|viite|saiti|saite|"
    r"nuorodą|nuoroda|legătură|legatura|legătura"
)
#: an object pronoun: what a do-not-share phrase is about, named before it
OBJECT_PRONOUNS = (
    r"it|them|this one|es|ihn|sie|le|la|les|l'|lo|li|los|las|o|a|os|as|het|ze|go|je|ją|ja|ho|ji|azt|őket|"
    r"sitä|niitä|den|det|dem|το|τον|την|τα|га|ga|го|я|їх|onu|onları|seda|neid|to|tą|ją"
)
#: a negation before a home word ("não em casa de ninguém", "nicht nach Hause", "never to a home"):
#: the particles, Portuguese's "não" and "never", not the wider NEGATIONS (Estonian "pole" is
#: Slovak's "field": "pole s adresou")
HOME_NEGATIONS = (
    rf"{NEGATION_PARTICLES}|não|nunca|never|jamais|niemals|nie|nooit|nigdy|nikdy|soha|niciodată|aldrig|"
    r"koskaan|ποτέ|никога|nikada|nikoli|nikdar|asla|niekada|nekad"
)
NEGATIONS = (
    rf"{NEGATION_PARTICLES}|isn't|aren't|wasn't|nothing|never|keinesfalls|n'est|não|icke|"
    r"není|nejsou|eivät|pole|нет|nije|nisu|ni|degil|אינו|אינה|אינם|אינן|אין|չէ|չի|"
    # Hebrew's negations with a joined prefix, "that" or "and": "מידע שאינו חסוי" ("information
    # that is not confidential"), "ולא סודי", "שלא מסווג"
    r"שאינו|שאינה|שאינם|שאינן|שאין|ואינו|ואינה|ואינם|ואינן|ואין|שלא|ולא|"
    # Irish: "níl (aon rud) rúnda" ("there is nothing secret"), "ní rúnda é"
    r"aon|"
    # "nothing (confidential)": "rien de confidentiel", "nichts Vertrauliches", "niente di riservato"
    r"rien|nada|niente|nulla|nichts|niets|nic|nič|ništa|ničesar|semmi|inget|intet|ingenting|ikkenoe|"
    r"mitään|midagi|nimic|nieko|nekas|τίποτα|τίποτε|ничего|нічого|нищо|ништа|hiçbir|"
    # "no (confidential information)": "žádné důvěrné informace", "żadnych poufnych danych"
    r"žádné|žádný|žádná|žádnou|žiadne|žiadny|žiadnu|żadne|żadnych|żadnej|żaden|nijedna|nijedan|nikakve|"
    r"nikakvih|никакви|никаких|никакой|жодної|жодних|semmilyen|egyetlen|ingen|inga|aucune|aucun|nessuna|"
    r"nessun|ninguna|ningún|ninguno|nenhuma|nenhum|keine|keinerlei|nicio|niciun|jokių|nekādu|καμία|κανένα"
)
#: "neither ... nor" before a marker word, among its clause's last two words: the word negates
#: ("nie jest tajny ani poufny", "neobsahujú žiadne osobné ani dôverné informácie", "neither
#: public nor confidential", "nici confidențial", "niti povjerljivo"), in EGI's languages
NOR_WORDS = (
    r"nor|neither|weder|ani|nici|niti|нито|ούτε|eikä|ega|nedz|nei|nė|sem|hverken|verken|varken"
)
#: the "nor" words that are other words too (German "noch" is "still"; "eller" is "or"): a negation
#: or "neither" earlier in the clause makes them one ("weder öffentlich noch vertraulich",
#: "hverken personlige eller fortrolige", "niet openbaar noch vertrouwelijk")
PAIRED_NOR_WORDS = r"noch|eller"
PAIRED_NOR_LEADS = r"weder|hverken|verken|varken|neither"
#: words after a marker word that make it name a technology or a topic, not a marking
MARKER_TOPICS = (
    r"computing|computation|compute|enclave|enclaves|vm|vms|virtual machine|virtual machines|container|"
    r"containers|agreement|agreements|clause|clauses|policy|policies|level|levels|class|classes|"
    r"classification|label|labels|labelling|labeling|tier|mode|workloads|ai|ml|learning|"
    r"computing-|rechnen|datenverarbeitung|berechnung|rekenen|obliczenia|przetwarzanie|výpočty|"
    r"számítástechnika|databehandling|laskenta|υπολογιστική|вычисления|обчислення|изчисления|"
    r"računarstvo|računalništvo|računalstvo|računanje|andmetöötlus|arvutus|skaičiavimai|"
    r"skaitļošana|výpočetní technika|výpočty|bilişim|hesaplama|informatika|izračunavanje|obrada podataka|"
    r"obdelava podatkov|adatfeldolgozás|tietojenkäsittely|calcul|procesare|"
    # secret sharing, a cryptographic scheme ("titkos megosztási sémák", "Geheimnisteilung")
    r"sharing|sharing scheme|sharing schemes|megosztás|megosztási|megosztást|teilung|sharing-verfahren|"
    r"partage|condivisione|compartición|compartilhamento|dzielenie|sdílení|zdieľanie|delning|deling|jakaminen|"
    # the handling, storage or protection of such data: "titkos adatok kezeléséről:", "confidential
    # data handling", "vertrauliche Daten speichern"
    r"(?:data|daten|données|dati|datos|dados|gegevens|dane|danych|údaje|údajů|adatok|tiedot|tietojen|andmed|"
    r"duomenys|date|δεδομένα|данные|дані|данни|podaci|podatki|podatke|veri|veriler|information|informationen|"
    r"informations|informazioni|información|informação) (?:handling|management|storage|protection|"
    r"processing|kezelés\w*|tárolás\w*|védelm\w*|verwaltung|speicher\w*|schutz|umgang|gestion|stockage|"
    r"gestione|archiviazione|protezione|gestión|almacenamiento|protección|gestão|armazenamento|proteção|"
    r"beheer|opslag|bescherming|zarządzani\w*|przechowywani\w*|ochron\w*|správ\w*|uložení|ochran\w*|"
    r"hallinta|tallennus|suojaus|haldamine|säilitamine|tvarkymas|saugojimas|pārvaldība|glabāšana|"
    r"gestionare|stocare|protecție|διαχείριση|αποθήκευση|προστασία|управление|хранение|защита|"
    r"управління|зберігання|захист|upravljanje|pohran\w*|zaštit\w*|shranjevanje|zaščit\w*|yönetimi|"
    r"depolama|koruma)"
)
#: a key of cryptography named by a marker word, "secret key", "private key" ("gizli anahtar
#: dosyasının izinleri 400 olmalı", "salainen avain", "titkos kulcs", "clé secrète", "chiave
#: segreta"): the kind of key, a file talked about, not a marking (its stems, their case endings)
KEY_NAME_WORDS = (
    r"key file|keyfile|key pair|keypair|key material|schlüssel\w*|schluessel\w*|clé|cle|clés|chiave|chiavi|"
    r"clave|claves|chave|chaves|sleutel\w*|klucz\w*|klíč\w*|kľúč\w*|ključ\w*|ключ\w*|kulcs\w*|avain\w*|"
    r"avaim\w*|nyckel\w*|nycklar\w*|nøgle\w*|nøkkel\w*|nøkler\w*|cheie|cheia|cheii|chei|cheile|"
    r"rakt\w*|atslēg\w*|võti|võtme\w*|võtmed|anahtar\w*|κλειδ\w*"
)
#: words before a marker word that make it name a technology or topic ("AMD confidential computing")
MARKER_TOPIC_BEFORE = (
    r"sev|tdx|sgx|amd|intel|azure|google|aws|nitro|"
    # the languages that put the adjective after its noun: "calcolo confidenziale", "calcul
    # confidentiel", "computación confidencial", "máquinas virtuales confidenciales"
    r"calcolo|elaborazione|informatica|calcul|informatique|traitement|computación|cómputo|informática|"
    r"computação|processamento|calculul|procesarea|"
    r"macchine virtuali|macchina virtuale|machines virtuelles|machine virtuelle|máquinas virtuales|"
    r"máquina virtual|máquinas virtuais|contenitori|conteneurs|contenedores|contentores|enclave|enclavi|"
    r"enclaves|vm|vms"
)
#: "the word", "the term": a marker word after them is only mentioned ("the word 'confidential'")
MENTION_WORDS = (
    r"the word|the words|the term|the terms|the label|the keyword|the string|the expression|the phrase|"
    r"word|term|keyword|das wort|der begriff|den begriff|dem begriff|die bezeichnung|le mot|le terme|"
    r"la mention|l'expression|la parola|il termine|la dicitura|la palabra|el término|la etiqueta|a palavra|"
    r"o termo|het woord|de term|ordet|termen|begrebet|sana|termi|słowo|słowa|slovo|termín|pojem|"
    r"szó|a szó|kifejezés|cuvântul|termenul|λέξη|η λέξη|ο όρος|слово|термин|термін|израз|izraz|beseda|reč|riječ"
)
#: "marked", "labelled": a marker word right after it, in a sentence that goes on, is the name of a
#: marking ("information marked TLP:AMBER must not be copied here"), not one made
MARKED_WORDS = (
    r"marked|labelled|labeled|tagged|flagged|classified|stamped|marked as|labelled as|labeled as|tagged as|"
    r"flagged as|classified as|marquée?s?|marquée?s? comme|étiquetée?s?|classée?s?|classée?s? comme|"
    r"markierte?[nrs]?|markiert als|gekennzeichnete?[nrs]?|gekennzeichnet als|eingestufte?[nrs]?|"
    r"eingestuft als|contrassegnat[oaie]|contrassegnat[oaie] come|etichettat[oaie]|classificat[oaie]|"
    r"classificat[oaie] come|marcad[oa]s?|marcad[oa]s? como|etiquetad[oa]s?|clasificad[oa]s?|"
    r"clasificad[oa]s? como|classificad[oa]s?|classificad[oa]s? como|gemarkeerde?|gemarkeerd als|"
    r"gelabelde?|oznaczone|oznaczony|oznaczona|oznaczonych|oznaczone jako|označené|označený|označená|"
    r"označených|označené jako|jelölt|megjelölt|marcate|marcat|marcată|marcați|märkt|märkta|märkt som|"
    r"mærket|merket|merkitty|merkityt|σημειωμένα|σημειωμένο|σημειωμένες|помеченные|помеченный|"
    r"позначені|позначений|označene|označeni|označen"
)
#: "only": makes an in-position phrase a marker wherever it stands ("only for internal use")
ONLY_WORDS = (
    r"only|solo|sólo|solamente|soltanto|unicamente|únicamente|exclusivamente|esclusivamente|apenas|somente|nur|"
    r"uniquement|seulement|alleen|uitsluitend|tylko|wyłącznie|pouze|jen|len|iba|csak|kizárólag|endast|"
    r"bara|kun|vain|ainult|doar|numai|tik|tikai|yalnızca|sadece|само|samo|μόνο|только|лише|"
    r"тільки|בלבד|მხოლოდ|միայն"
)
#: "for": like "only", makes an in-position phrase a marker when it stands before it ("for internal
#: use"); unlike "only", not after it ("internal use for the project")
FOR_WORDS = r"kun til|for|für|für den|pour|à|per|ad|para|voor|do|pro|za|na|för|til|zu|dla|pre|pentru|για|для"

# --- short values ---------------------------------------------------------------------------------

#: the top levels of a discipline (the Fields of Science, as EGI's communities name them) that may
#: head a discipline value before a colon: "Humanities: digital history", "Naturwissenschaften:
#: Physik" (after another word, a colon is no level: "Physics: call me on my mobile")
DISCIPLINE_FIELDS = (
    "natural sciences|physical sciences|life sciences|earth sciences|exact sciences|engineering|"
    "engineering and technology|technology|medical sciences|medical and health sciences|health sciences|"
    "agricultural sciences|agricultural and veterinary sciences|social sciences|humanities|humanities and the arts|"
    "humanities and arts|arts and humanities|"
    "naturwissenschaften|ingenieurwissenschaften|technik|medizin|gesundheitswissenschaften|agrarwissenschaften|"
    "sozialwissenschaften|geisteswissenschaften|lebenswissenschaften|"
    "sciences naturelles|sciences de la nature|sciences de l'ingénieur|ingénierie|sciences médicales|"
    "sciences de la santé|sciences agricoles|sciences sociales|sciences humaines|sciences humaines et sociales|"
    "lettres|humanités|scienze naturali|ingegneria|scienze mediche|scienze agrarie|scienze sociali|scienze umane|"
    "discipline umanistiche|ciencias naturales|ingeniería|ciencias médicas|ciencias de la salud|ciencias agrarias|"
    "ciencias agrícolas|ciencias sociales|humanidades|ciências naturais|engenharia|ciências médicas|"
    "ciências da saúde|ciências agrárias|ciências sociais|ciências humanas|natuurwetenschappen|"
    "ingenieurswetenschappen|techniek|medische wetenschappen|landbouwwetenschappen|sociale wetenschappen|"
    "geesteswetenschappen|nauki przyrodnicze|nauki ścisłe|nauki techniczne|nauki inżynieryjno-techniczne|"
    "nauki medyczne|nauki rolnicze|nauki społeczne|nauki humanistyczne|přírodní vědy|technické vědy|lékařské vědy|"
    "zemědělské vědy|společenské vědy|humanitní vědy|prírodné vedy|technické vedy|lekárske vedy|"
    "poľnohospodárske vedy|spoločenské vedy|humanitné vedy|természettudományok|műszaki tudományok|"
    "orvostudományok|agrártudományok|társadalomtudományok|bölcsészettudományok|științe naturale|inginerie|"
    "științe medicale|științe agricole|științe sociale|științe umaniste|luonnontieteet|tekniikka|lääketiede|"
    "maataloustieteet|yhteiskuntatieteet|humanistiset tieteet|naturvetenskap|teknik|medicin|lantbruksvetenskap|"
    "samhällsvetenskap|humaniora|naturvidenskab|teknisk videnskab|sundhedsvidenskab|samfundsvidenskab|"
    "naturvitenskap|teknologi|medisin|samfunnsvitenskap|φυσικές επιστήμες|επιστήμες μηχανικού|"
    "ιατρικές επιστήμες|γεωργικές επιστήμες|κοινωνικές επιστήμες|ανθρωπιστικές επιστήμες|prirodne znanosti|"
    "tehničke znanosti|biomedicina|društvene znanosti|humanističke znanosti|naravoslovje|tehnika|medicina|"
    "družboslovje|humanistika|природни науки|технически науки|медицински науки|социални науки|"
    "хуманитарни науки|fen bilimleri|mühendislik|tıp bilimleri|sağlık bilimleri|ziraat bilimleri|"
    "sosyal bilimler|beşeri bilimler|loodusteadused|tehnikateadused|põllumajandusteadused|sotsiaalteadused|"
    "humanitaarteadused|dabaszinātnes|inženierzinātnes|medicīnas zinātnes|lauksaimniecības zinātnes|"
    "sociālās zinātnes|humanitārās zinātnes|gamtos mokslai|technologijos mokslai|medicinos mokslai|"
    "žemės ūkio mokslai|socialiniai mokslai|humanitariniai mokslai"
)


#: what follows "need to know" used as a verb, not as the marking ("we need to know whether the
#: sites are certified", "you need to know how to ..."): a question's word or an object's article
KNOW_CLAUSE_WORDS = (
    "whether|if|what|how|when|which|who|whom|why|where|the|a|an|your|our|their|his|her|its|this|that|these|"
    "those|about|more|exactly|beforehand|in advance|as soon as"
)


#: words that make a contacts entry's first part an organisation, not a person ("Example
#: University (PI)", "Example Research Centre (site admin)")
INSTITUTION_WORDS = (
    "university universities universität universite université università universidad universidade "
    "universiteit universitet universitat uniwersytet univerzita univerza univerzitet sveučilište egyetem "
    "yliopisto ülikool universitatea universitetas universitāte üniversitesi πανεπιστήμιο университет "
    "університет institute institutes institut instituut instituto istituto instytut inštitút institūts "
    "intézet enstitüsü ινστιτούτο институт інститут centre center centro centrum zentrum centar keskus "
    "központ merkezi κέντρο центр център laboratory laboratories laboratoire laboratorio laboratório "
    "laboratorium labor laboratoř lab labs observatory observatoire osservatorio observatorio "
    "sternwarte foundation fondation stiftung fondazione fundación fundação stichting fundacja nadace "
    "agency agence agentur agenzia agencia consortium konsortium consorzio consorcio academy académie "
    "akademie accademia academia akademia akadémia college school école hochschule scuola escuela "
    "escola politecnico politécnico polytechnic polytechnique hospital hôpital krankenhaus ospedale "
    "klinikum clinic council consiglio consejo ministry ministère ministerium ministero ministerio "
    "organisation organization infrastructure eric gmbh society gesellschaft société società "
    "sociedad association verein associazione asociación department département dipartimento "
    "departamento faculty fakultät faculté facoltà facultad research forschungszentrum "
    # a group or a desk of one: "Grupo de Física de Partículas", "EGI Service Desk"
    "group grupo gruppe groupe gruppo groep grupa skupina csoport ryhmä team équipe desk helpdesk servicedesk"
).split()


# --- prose --------------------------------------------------------------------------------------

#: function words of EGI's languages: a value made of them is a sentence, not a password
STOPWORDS = (
    "the a an of to in on at for with by from is are was were be been it this that these those "
    "your my our their his her its you we they he she i me us them please ask see check contact "
    "use same as before after not no never only also and or but if then when where which who "
    "will would should must can could may might do does did have has had there here via "
    "der die das den dem des ein eine einen einem einer und oder nicht nur bitte ist sind war im "
    "in am an auf aus bei beim mit von vom zu zum zur für über unter nach vor wie sie ihr ihre "
    "wir ich du es er man kein keine noch schon auch beim erfragen siehe "
    "le la les un une des du de et ou pas ne est sont avec sans pour par sur dans au aux voir "
    "votre vos notre nos leur son sa ses ce cette il elle nous vous demander "
    "il lo gli i una uno di da del della dei delle e o non è sono con per su nel nella al alla "
    "vedi chiedere vostro vostra nostro nostra suo sua "
    "el los las unos unas y o no es son con sin por para en del al su sus ver pedir usted "
    "o os as um uma e ou não é são com sem por para em no na do da dos das ao seu sua ver pedir "
    "de het een en of niet is zijn met zonder voor door op in van aan bij uw jouw onze vragen zie "
    "w z i oraz lub nie jest są ze do na od po za przez dla o u proszę się "
    "a i v ve s se z ze do na od po pro o u je jsou není prosím "
    "és vagy nem van vannak a az egy meg kérem kell "
    "och eller inte är med utan för på av till en ett det den som "
    "og eller ikke er med uden uten for på af av til en et det den som "
    "ja tai ei on ovat kanssa ilman että se "
    "ja või ei on koos ilma et see "
    "și sau nu este sunt cu fără pentru pe în la de un o "
    "ir arba ne yra su be už į iš "
    "un vai nav ir ar bez par uz no "
    "ve veya değil ile için bu bir "
    "και ή δεν είναι με χωρίς για σε από το τα ο η "
    "и или не это с без для в на от по "
    "і або не це з без для в на від по "
    "и или не е с без за в на от по "
    "i ili ne je sa bez za u na od po "
    "ו או לא הוא היא עם בלי של את על "
    # "ask the administrator", "on request", "see the portal": what follows a password word when
    # the message says where to get it instead of giving it
    "ask request contact admin admins administrator administrators support helpdesk sysadmin "
    "anfragen fragen erfragen nachfragen anfordern administrator administratorin auf anfrage "
    "demander demandez contacter contactez administrateur administratrice sur demande "
    "chiedere chiedete chiedi contattare contattate amministratore amministratrice su richiesta "
    "preguntar pregunte pedir pida solicitar solicite administrador administradora bajo petición "
    "perguntar pergunte peça solicitar administrador pedido "
    "vragen vraag aanvragen beheerder beheerders op aanvraag "
    "zapytaj zapytać poproś poprosić administratora administrator na żądanie "
    "zeptejte zeptat požádejte požádat správce správci vyžádejte opýtajte požiadajte správcu "
    "kérdezze kérdezd kérje kérd rendszergazdától rendszergazda adminisztrátortól kérésre "
    "fråga be begär administratören administratör på begäran "
    "spørg spør anmod administratoren administrator efter anmodning "
    "kysy kysykää pyydä pyytäkää ylläpitäjältä ylläpidolta ylläpitäjä tuelta pyynnöstä "
    "küsi küsige administraatorilt administraator "
    "întrebați cereți solicitați administratorul administratorului "
    "paklauskite kreipkitės administratoriaus jautājiet prasiet administratoram administratora "
    "sorun isteyin yöneticiye yöneticiden yönetici talep "
    "ρωτήστε ζητήστε διαχειριστή διαχειριστής "
    "спросите запросите обратитесь администратора администратору запитайте зверніться адміністратора "
    "попитайте поискайте администратора pitajte zatražite administratora vprašajte skrbnika "
    "прашајте побарајте администраторот питајте затражите "
    "שאלו פנו מנהל המערכת ჰკითხეთ მიმართეთ ადმინისტრატორს հարցրեք դիմեք ադմինիստրատորին "
    # "use the file", "see the KeePass file": where the value is, in the imperative
    "usate usa utilizzate utilizza utilisez utilise gebruik gebruikt użyj użyjcie použijte použite "
    "használd használja använd brug bruk käytä kasuta kasutage folosiți naudokite izmantojiet kullanın "
    "используйте використовуйте χρησιμοποιήστε იხილეთ ნახეთ გამოიყენეთ տես տեսեք "
).split()
#: a value that is a placeholder or a word about the value, not the value itself
#: keys that vendors print in their own documentation as examples, word for word (AWS's two pairs):
#: public by being published there; any other key with "EXAMPLE" in it is still a key
DOCUMENTED_EXAMPLE_KEYS = (
    "AKIAIOSFODNN7EXAMPLE wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY "
    "AKIAI44QH8DHBEXAMPLE je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"
).split()
#: "at least", before a password's length ("au moins 12 caractères")
AT_LEAST_WORDS = (
    r"at least|minimum|min\.|a minimum of|mindestens|wenigstens|au moins|au minimum|almeno|al menos|"
    r"como mínimo|pelo menos|no mínimo|minstens|ten minste|minimaal|co najmniej|najmniej|minimum|alespoň|"
    r"minimálně|aspoň|minimálne|legalább|minimum|vähintään|minst|mindst|minimum|cel puțin|minim|"
    r"най-малко|τουλάχιστον|не менее|щонайменше|en az|najmanje|vsaj"
)
#: a password's length, not its value ("mots de passe : 12 caractères minimum")
LENGTH_UNITS = (
    r"characters|character|chars|char|digits|letters|caractères|caractère|caracteres|carácter|caracteres|"
    r"caratteri|carattere|zeichen|stellen|ziffern|tekens|karakters|cijfers|znaków|znaki|cyfr|znaků|znaky|"
    r"číslic|znakov|karakter|karakterből|tecken|tegn|merkkiä|merkki|märki|tähemärki|simboli|simbolių|"
    r"rakstzīmes|znakova|znakov|znamenja|caractere|χαρακτήρες|χαρακτήρων|символов|символа|символів|знака|"
    r"знаков|знакова|karakter uzunluğunda|haneli|תווים"
)
NOT_A_VALUE = (
    "none null nil true false yes no n/a na tbd todo redacted removed hidden empty omitted required "
    "optional set unset not the a an your my our their this that it its same stored expired changed "
    "reset correct incorrect wrong valid invalid missing needed provided sent available protected "
    "encrypted managed generated given used known unknown mandatory authentication based less field "
    "prompt policy via see check ask contact please use attached follows below above here there "
    "changeme secret password token example sample placeholder xxx dummy test default "
    "siehe geheim beispiel vide voir vedi ver zie zobacz viz lásd se katso vaata vezi žr. skatīt bkz "
    # a shell's command before the setting it makes ("password in the env: export OS_PASSWORD=...")
    "export setx setenv "
    # an encoding's name, not a value ("Token v base64: ...", "the key in hex")
    "base64 base32 base58 hex hexadecimal ascii utf-8 utf8 pem der binary encoded "
    # "at least", before a password rule's length ("Passwort: mindestens 10 Zeichen")
    "minimum minimal mindestens minstens minimaal almeno mínimo minimo minim najmniej alespoň aspoň "
    "minimálně legalább vähintään minst mindst τουλάχιστον "
    # "required" in EGI's languages, as a settings table says a value must be set
    "erforderlich pflicht vyžadováno vyzadovano povinné povinne povinný povinny requis requise obligatoire "
    "obbligatorio richiesto requerido obligatorio necesario obrigatório obrigatorio vereist verplicht "
    "wymagane wymagany obowiązkowe obowiazkowe kötelező kotelezo szükséges szukseges obligatoriu necesar "
    "krävs kravs obligatorisk påkrævet paakraevet påkrevd pakollinen vaaditaan kohustuslik nõutav nõutud "
    "privaloma būtina butina obligāts obligats zorunlu gerekli υποχρεωτικό υποχρεωτικο απαιτείται "
    "обязательно обязательный обов'язково задължително obavezno potrebno obvezno zahtevano "
    # what kubectl and other tools print in place of a secret they leave out
    "data+omitted redacted+data <redacted> ***redacted*** [hidden] [masked] masked"
).split()
#: the auxiliaries of a passive before "marked" ("it has been marked", "wurde als vertraulich
#: eingestuft"): a marking applied, not a marking's name
PASSIVE_AUXILIARIES = (
    "been were being wurde wurden werden worden été stato stata stati state sido sidos sidas foram werd "
    "zostały został została zostało byl byla bylo byly bio bila bilo bili blev blevet blitt ble"
).split()
#: a person who marks ("we marked as confidential the following"): a marking applied
MARKING_PERSONS = (
    "i we you they he she wir ich sie er nous je on vous ils elles noi io abbiamo ho nosotros hemos "
    "ik wij hebben heb my ja"
).split()
#: the small words inside a person's name ("Seán Ó Briain", "Jan van Dijk", "Maria da Silva")
NAME_PARTICLES = (
    "de van von der den di da do dos das del della la le ó o mac mc ní ni bin al ten ter"
).split()
#: what a place offers after a wheelchair's word ("wheelchair accessible", "rollstuhlgerecht"): a
#: place's access, not a person's need
ACCESSIBLE_WORDS = (
    r"accessib|access|friendly|ramp|lift|gerecht|zugänglich|accessibil|accesible|acessível|toegankelijk|"
    r"dostępn|přístupn|tillgänglig|tilgængelig|tilgjengelig|esteetön|akadálymentes|adapted|adapté|"
    r"adattat|adaptad"
)
#: the name of a digit's kind before it, when a password is spelled out ("chiffre sept")
DIGIT_NAMES = r"chiffre|digit|number|ziffer|zahl|cifra|cijfer|cyfra|číslice|číslo|szám|numero|número|numer|siffra|tal"
#: the kinds of pass that are tickets or badges ("boarding pass", "day pass", "ski pass"), not a password
TICKET_PASSES = (
    r"boarding|bus|rail|train|travel|season|day|week|ski|museum|press|visitor|guest|event|conference|hall|"
    r"transit|metro|city"
)

# --- values read out in words (dictation, transcripts, calls) ---------------------------------

#: the names of signs as speech recognition writes them when a password or an address is read out
#: ("trattino basso", "Raute", "snabel-a", "point d'exclamation")
SPOKEN_SIGNS = (
    # underscore
    r"underscore|under score|unterstrich|tiret bas|trattino basso|guion bajo|guión bajo|sublinhado|"
    r"underline|liggend streepje|laag streepje|podkreślnik|podkreślenie|podtržítko|podčiarkovník|podčiarknik|"
    r"alulvonás|aláhúzás|alaviiva|understreck|understreg|understrek|κάτω παύλα|podvlaka|donja crta|"
    r"podčrtaj|podčrtaj|podčrtaji|долна черта|alt çizgi|liniuță jos|"
    # hash
    r"hash|hashtag|number sign|pound sign|raute|doppelkreuz|dièse|croisillon|cancelletto|almohadilla|"
    r"cardinal|hekje|kratka|krzyżyk|mřížka|mriežka|kettőskereszt|risuaita|brädgård|brädgårdstecken|"
    r"firkant|havelåge|δίεση|ljestve|taraba|diez|"
    # at
    r"at sign|at-sign|klammeraffe|at-zeichen|arobase|chiocciola|arroba|apenstaartje|małpa|zavináč|"
    r"zavináč|kukac|ät-merkki|miukumauku|snabel-a|snabela|krøllalfa|alfakrøll|παπάκι|majmunče|afna|"
    r"et işareti|coadă de maimuță|"
    # exclamation mark
    r"exclamation mark|exclamation point|exclamation|ausrufezeichen|point d'exclamation|punto esclamativo|"
    r"signo de exclamación|exclamación|ponto de exclamação|uitroepteken|wykrzyknik|vykřičník|výkričník|"
    r"felkiáltójel|huutomerkki|utropstecken|udråbstegn|utropstegn|θαυμαστικό|uskličnik|klicaj|ünlem|"
    r"semn de exclamare|hüüumärk|"
    # star, plus, equals, dollar, percent, ampersand, tilde
    r"asterisk|star|sternchen|stern|astérisque|étoile|asterisco|stella|estrela|sterretje|"
    r"gwiazdka|hvězdička|hviezdička|csillag|tähti|asterisk|stjärna|stjerne|αστερίσκος|zvjezdica|zvezdica|yıldız|"
    r"plus sign|pluszeichen|dollar sign|dollar|dollarzeichen|percent sign|prozentzeichen|ampersand|"
    r"kaufmanns-und|esperluette|e commerciale|tilde|equals sign|equals|gleichheitszeichen|question mark"
)
#: the names of the signs that also part a path, a reference or a date read out ("barra", "slash",
#: "Bindestrich"): a value's parts too, but no sign of a password by themselves
SPOKEN_SEPARATORS = (
    r"dash|hyphen|minus|bindestrich|tiret|trait d'union|trattino|guion|guión|hífen|hifen|streepje|"
    r"koppelteken|myślnik|pomlčka|spojovník|kötőjel|viiva|tavuviiva|bindestreck|bindestreg|"
    r"παύλα|crtica|povlaka|pomišljaj|vezaj|tire|cratimă|liniuță|sidekriips|"
    r"slash|forward slash|schrägstrich|barre oblique|barra|schuine streep|ukośnik|lomítko|lomka|"
    r"perjel|kauttaviiva|snedstreck|skråstreg|κάθετος|kosa crta|poševnica|eğik çizgi|backslash"
)
#: the words that join the parts of a value described piece by piece ("duże K, potem 'rakow', cyfry
#: 1-9-5-2, na końcu wykrzyknik", "großes K, dann 'sonne', am Ende ein Ausrufezeichen", "K majuscule,
#: puis les chiffres 4 2"): "then", "next", "followed by", "at the end", "the digits", "the word"
#: (single words: a phrase's words each)
SPOKEN_JOINERS = (
    r"then|next|followed|by|after|that|at|the|end|start|beginning|finally|plus|digits|numbers|letters|word|"
    r"dann|danach|anschließend|gefolgt|von|am|ende|anfang|schluss|zum|zuletzt|ziffern|zahlen|buchstaben|wort|"
    r"das|die|ein|eine|und|"
    r"puis|ensuite|suivi|suivie|de|du|des|la|à|fin|début|enfin|les|chiffres|lettres|mot|le|un|une|et|"
    r"poi|dopo|seguito|da|alla|fine|inizio|infine|cifre|numeri|lettere|parola|una|"
    r"luego|después|seguido|por|al|final|principio|dígitos|números|letras|palabra|el|y|"
    r"depois|seguido|seguida|no|fim|início|dígitos|algarismos|palavra|o|"
    r"dan|daarna|gevolgd|door|aan|het|eind|einde|begin|cijfers|letters|woord|een|en|"
    r"potem|następnie|dalej|na|końcu|koniec|początku|cyfry|litery|słowo|i|"
    r"pak|potom|dále|konci|začátku|číslice|čísla|písmena|slovo|"
    r"potom|ďalej|konci|začiatku|číslice|čísla|písmená|"
    r"aztán|majd|utána|végén|elején|számjegyek|betűk|szó|egy|"
    r"sitten|seuraavaksi|lopussa|alussa|numerot|kirjaimet|sana|"
    r"sedan|därefter|följt|av|sist|slutet|början|siffror|siffrorna|bokstäver|ordet|"
    r"derefter|efterfulgt|til|sidst|slutningen|cifre|cifrene|bogstaver|ordet|"
    r"deretter|etterfulgt|slutt|slutten|sifre|sifrene|bokstaver|"
    r"apoi|după|urmat|urmată|de|la|sfârșit|început|cifrele|cifre|literele|cuvântul|"
    r"zatim|onda|nakon|na|kraju|početku|znamenke|brojke|slova|riječ|"
    r"nato|potem|koncu|začetku|številke|črke|beseda|"
    r"после|после това|накрая|цифри|букви|думата|"
    r"sonra|ardından|sonunda|başta|rakamlar|harfler|kelime|"
    r"siis|seejärel|lõpus|alguses|numbrid|tähed|sõna|"
    r"tad|pēc tam|beigās|sākumā|cipari|burti|vārds|"
    r"tada|po to|pabaigoje|pradžioje|skaitmenys|raidės|žodis|"
    r"έπειτα|μετά|στο|τέλος|αρχή|ψηφία|γράμματα|λέξη"
)
#: "capital", "big", "small" before a letter read out ("großes K", "duże Z", "iso P", "κεφαλαίο Σ")
LETTER_CASE_WORDS = (
    r"capital|upper ?case|lower ?case|small|big|großes|großer|grosses|grosser|kleines|kleiner|"
    r"majuscule|minuscule|maiuscola|maiuscolo|minuscola|minuscolo|mayúscula|minúscula|maiúscula|"
    r"minúscula|hoofdletter|kleine|grote|duże|duża|małe|mała|wielkie|wielka|velké|velký|malé|malý|"
    r"veľké|veľký|nagy|kis|iso|pieni|stort|stor|lille|liten|litet|små|veliki|veliko|malo|mali|"
    r"κεφαλαίο|κεφαλαία|μικρό|μικρά|büyük|küçük|mare|mic|suur|väike|главна|малка"
)
#: "as in" between a letter and the word that spells it ("K wie Kaufmann", "H jako Helena", "B mint Béla")
AS_IN_WORDS = (
    r"as in|like|wie|comme|come|como|zoals|als in|jako|ako|mint|som i|som|kuin|kao|kot|όπως|gibi|ca în|"
    r"nagu|kaip"
)
#: the names of letters where they are words of their own ("emme erre enne", "jota", "ypsilon")
LETTER_NAMES = (
    r"emme|erre|enne|esse|effe|elle|acca|zeta|doppia vu|jota|hache|efe|ele|eme|ene|eñe|ese|uve|equis|"
    r"ypsilon|ipsilon|zett|jot|vau|ics|iks|double vé|zède|dvojité vé"
)
#: the parts of number words in the languages NUMBER_MORPHEMES leaves out (a number word is a
#: run of them: "sjuttioåtta", "dvadsaťštyri", "kuusikymmentäkuusi", "neljäkymmentä")
MORE_NUMBER_MORPHEMES = (
    # pl
    r"zero|jeden|jedna|jedno|dwa|dwie|trzy|cztery|pięć|sześć|siedem|osiem|dziewięć|dziesięć|naście|"
    r"jedenaście|dwanaście|trzynaście|czternaście|piętnaście|szesnaście|siedemnaście|osiemnaście|"
    r"dziewiętnaście|dwadzieścia|trzydzieści|czterdzieści|dziesiąt|pięćdziesiąt|sześćdziesiąt|"
    r"siedemdziesiąt|osiemdziesiąt|dziewięćdziesiąt|sto|dwieście|trzysta|czterysta|set|tysiąc|tysiące|"
    # cs, sk
    r"nula|dva|dvě|tři|čtyři|pět|šest|sedm|osm|devět|deset|náct|jedenáct|dvanáct|třináct|čtrnáct|"
    r"patnáct|šestnáct|sedmnáct|osmnáct|devatenáct|dvacet|třicet|čtyřicet|padesát|šedesát|sedmdesát|"
    r"osmdesát|devadesát|tisíc|dve|tri|štyri|päť|šesť|sedem|osem|deväť|desať|násť|dvadsať|tridsať|"
    r"štyridsať|desiat|päťdesiat|šesťdesiat|sedemdesiat|osemdesiat|deväťdesiat|ého|eho|jedenásť|dvanásť|"
    r"trinásť|štrnásť|pätnásť|šestnásť|sedemnásť|osemnásť|devätnásť|"
    # hu
    r"nulla|egy|kettő|két|három|négy|öt|hat|hét|nyolc|kilenc|tíz|tizen|húsz|huszon|harminc|negyven|"
    r"ötven|hatvan|hetven|nyolcvan|kilencven|száz|ezer|"
    # ro
    r"unu|doi|două|trei|patru|cinci|șase|șapte|opt|nouă|zece|spre|zeci|sute|mie|mii|"
    # fi, et
    r"nolla|yksi|kaksi|kolme|neljä|viisi|kuusi|seitsemän|kahdeksan|yhdeksän|kymmenen|toista|kymmentä|"
    r"sata|sataa|tuhat|tuhatta|kolmas|neljäs|viides|kuudes|seitsemäs|kahdeksas|yhdeksäs|kymmenes|"
    r"üks|kaks|kolm|neli|viis|kuus|seitse|kaheksa|üheksa|kümme|teist|kümmend|sada|"
    # sv, da, no
    r"noll|ett|två|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|tretton|fjorton|femton|sexton|sjutton|"
    r"arton|nitton|tjugo|trettio|fyrtio|femtio|sextio|sjuttio|åttio|nittio|hundra|tusen|nul|fire|seks|"
    r"syv|otte|elleve|tretten|fjorten|seksten|sytten|atten|nitten|tyve|tredive|fyrre|halvtreds|tres|"
    r"halvfjerds|firs|halvfems|hundrede|tusind|tjue|tretti|førti|femti|seksti|sytti|åtti|nitti|hundre|"
    r"åtte|og|"
    # el
    r"μηδέν|ένα|ένας|μία|δύο|τρία|τέσσερα|πέντε|έξι|επτά|εφτά|οκτώ|οχτώ|εννέα|εννιά|δέκα|δεκα|έντεκα|"
    r"δώδεκα|είκοσι|τριάντα|σαράντα|πενήντα|εξήντα|εβδομήντα|ογδόντα|ενενήντα|εκατό|χίλια|"
    # hr, sr, sl, bg
    r"jedan|dvije|četiri|šest|sedam|osam|devet|naest|jedanaest|dvanaest|trinaest|četrnaest|petnaest|"
    r"šesnaest|sedamnaest|osamnaest|devetnaest|dvadeset|trideset|četrdeset|pedeset|šezdeset|"
    r"sedamdeset|osamdeset|devedeset|dvjesto|tristo|četiristo|petsto|tisuća|ena|dve|štiri|enajst|"
    r"dvanajst|trinajst|štirinajst|petnajst|dvajset|trideset|štirideset|petdeset|in|"
    r"нула|едно|един|една|две|два|три|четири|пет|шест|седем|осем|девет|десет|надесет|двадесет|"
    r"тридесет|сто|"
    # tr, lv, lt
    r"sıfır|iki|üç|dört|beş|altı|yedi|sekiz|dokuz|yirmi|otuz|kırk|elli|altmış|yetmiş|seksen|doksan|"
    r"yüz|nulle|viens|divi|trīs|četri|pieci|seši|septiņi|astoņi|deviņi|desmit|nulis|vienas|du|trys|"
    r"keturi|penki|šeši|septyni|aštuoni|devyni|dešimt"
)
#: the ordinal days and years of a date spelled out, as parts of a word, where the cardinal parts
#: above do not make them ("fjerde september", "vierter September", "czwartego września tysiąc
#: dziewięćset dziewięćdziesiątego", "de vierde september", "den fjärde maj")
ORDINAL_MORPHEMES = (
    # da, no, sv
    r"første|først|anden|andre|tredje|fjerde|femte|sjette|syvende|sjuende|ottende|åttende|niende|tiende|"
    r"ellevte|tolvte|trettende|fjortende|femtende|sekstende|syttende|attende|nittende|tyvende|tjuende|"
    r"tredivte|trettiende|första|andra|fjärde|sjätte|sjunde|åttonde|nionde|tionde|elfte|tolfte|"
    r"trettonde|fjortonde|femtonde|sextonde|sjuttonde|artonde|nittonde|tjugonde|trettionde|"
    # de, nl
    r"zweite|zweiter|erster|eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|"
    r"tiende|elfde|twaalfde|"
    # pl, cs, sk (with the endings of the genitive: "czwartego", "čtvrtého")
    r"pierwsz|drug|trzeci|czwart|piąt|szóst|siódm|ósm|dziewiąt|dziesiąt|nast|dwudziest|trzydziest|"
    r"první|prvý|druh|třetí|tretí|čtvrt|štvrt|pát|piat|šest|sedm|siedm|osm|ôsm|devát|deviat|"
    r"desát|desiat|dvacát|dvadsiat|třicát|tridsiat|"
    # hr, sl
    r"prvi|prvog|drugi|drugog|treći|trećeg|četvrti|četvrtog|peti|petog|prvega|tretjega|četrtega"
)
#: the endings an ordinal's stem takes, after one only ("vier-ter", "twintig-ste", "czwart-ego", "čtvrt-ého")
ORDINAL_ENDINGS = r"ter|tes|ste|de|y|ego|iego|ý|ého|ej|a"

#: a permit to live or work in a country, and asylum: whose it is, and where its renewal stands, is
#: a person's status ("mon titre de séjour a expiré", "my residence permit is pending")
RESIDENCE_PERMITS = (
    r"residence permit|residence card|titre de séjour|carte de séjour|permesso di soggiorno|permiso de residencia|"
    r"tarjeta de residencia|autorización de residencia|autorização de residência|título de residência|"
    r"aufenthaltstitel|aufenthaltserlaubnis|aufenthaltsgenehmigung|niederlassungserlaubnis|verblijfsvergunning|"
    r"verblijfsdocument|karta pobytu|karty pobytu|zezwolenie na pobyt|pozwolenie na pobyt|povolení k pobytu|"
    r"povolenie na pobyt|tartózkodási engedély|tartózkodási engedélyem|uppehållstillstånd|uppehållstillståndet|"
    r"opholdstilladelse|oppholdstillatelse|oleskelulupa|oleskelulupani|elamisluba|leidimas gyventi|"
    r"uzturēšanās atļauja|permis de ședere|permisul de ședere|oturma izni|ikamet izni|άδεια διαμονής|"
    r"вид на жительство|посвідка на проживання|разрешение за пребиваване|boravišna dozvola|dozvola boravka|"
    r"dovoljenje za prebivanje|work permit|arbeitserlaubnis|permis de travail|permesso di lavoro|permiso de trabajo|"
    r"werkvergunning|pozwolenie na pracę|asylum|asylantrag|asylverfahren|demande d'asile|richiesta di asilo|"
    r"solicitud de asilo|asielaanvraag|"
    # the forms that say whose (Turkish's and Hungarian's possessive endings: "oturma iznim", "çalışma iznim")
    r"oturma iznim|oturma iznimin|oturma iznimi|çalışma izni|çalışma iznim|çalışma iznimi|ikamet iznim|"
    r"ikamet iznimi|munkavállalási engedély|munkavállalási engedélyem|radna dozvola|radnu dozvolu|"
    r"dozvola za rad|dozvolu za rad|dozvolu boravka|boravišnu dozvolu|dovoljenje za delo|"
    r"разрешение за работа|povolení k zaměstnání|pracovní povolení|zezwolenie na pracę|arbetstillstånd|"
    r"arbejdstilladelse|arbeidstillatelse|työlupa|työluvan|tööluba|darba atļauja|leidimas dirbti|"
    r"permis de muncă|άδεια εργασίας|autorisation de travail|autorização de trabalho|"
    # the EU's Blue Card, in EGI's languages
    r"blue card|eu blue card|blaue karte|blauen karte|carte bleue européenne|carte bleue européenne|carta blu|"
    r"tarjeta azul|cartão azul|blauwe kaart|niebieska karta|niebieskiej karty|niebieską kartę|modrá karta|"
    r"modrou kartu|modrá karta eu|kék kártya|kék kártyám|eu:s blåkort|blåkort|sininen kortti|cartea albastră|"
    r"μπλε κάρτα|plava karta|plavu kartu|modra karta|синя карта|mavi kart|sinine kaart|zilā karte|mėlynoji kortelė"
)
#: a visa for somebody: a person's status when the sentence says where it stands (waited for,
#: pending, refused, an embassy's appointment: "čekam radnu vizu", "his visa was refused"), not a
#: visa letter an event offers ("an invitation letter for your visa")
VISA_WORDS = (
    r"visa|visas|work visa|visum|visums|visa de travail|visado|wiza|wizy|wizę|vízum|vízumot|"
    r"vízumom|viisumi|viisumia|viisumin|viză|viza|vize|vizu|vizum|vizą|vīza|vīzu|viisa|βίζα|виза|визата|"
    r"radna viza|radnu vizu|vizem|vizemi|vizesi|pracovní vízum|arbeitsvisum"
)
#: a visa's invitation letter or support letter, which an event or a host sends: a visa with it is
#: the paperwork's topic ("the organisers can send an invitation letter for your visa", "for the visa
#: invitation letter the consulate wants the passport data")
VISA_LETTER_WORDS = (
    r"invitation|support letter|einladung|lettre d'invitation|lettre d'invit|lettera d'invito|lettera di invito|"
    r"carta de invitación|carta convite|carta de convite|uitnodiging|zaproszeni|zvací|pozývac|meghívó|kutsukirje|"
    r"inbjudan|inbjudningsbrev|invitationsbrev|invitasjonsbrev|scrisoare de invitație|πρόσκλησ|pozivno pismo|"
    r"pozivnog pisma|vabilo|покана|davet mektub|kutse|ielūgum|kvietim"
)
#: where somebody's visa or permit stands ("still pending", "was refused", "čekam", "interview at the
#: embassy"), in EGI's languages
VISA_STATUS = (
    r"pending|waiting|wait|awaiting|refused|rejected|denied|expired|expires|expiring|appointment|interview|"
    r"appeal|appealing|not yet approved|still not|embassy|consulate|wartet|warte|warten|abgelehnt|läuft ab|"
    r"abgelaufen|termin bei|termin in|einen termin|botschaft|konsulat|en attente|j'attends|attends|refusé|refusée|expire|rendez-vous|"
    r"ambassade|consulat|in attesa|aspetto|rifiutato|rifiutata|scade|scaduto|appuntamento|ambasciata|consolato|"
    r"pendiente|espero|rechazado|rechazada|caduca|una cita|embajada|consulado|aguardo|recusado|recusada|expira|"
    r"embaixada|in afwachting|wacht op|afgewezen|verloopt|verlopen|afspraak|czekam|czeka|odrzucon|"
    r"wygasa|ambasad|konsulat|čekám|čeká|zamítnut|vyprší|velvyslanectví|konzulát|várok|várom|elutasít|lejár|"
    r"nagykövetség|konzulátus|odotan|odottaa|hylätty|hylättiin|vanhenee|suurlähetystö|väntar|avslag|avslogs|"
    r"löper ut|ambassad|venter|afslag|afslået|udløber|ambassade|avslått|utløper|aștept|respins|respinsă|expiră|"
    r"ambasad|περιμένω|απορρίφθηκε|λήγει|πρεσβεία|čekam|čeka|odbijen|odbijena|ističe|istječe|razgovor|"
    r"ambasadi|ambasada|veleposlanstvo|konzulat|čakam|zavrnjen|poteče|чакам|отказан|изтича|посолство|"
    r"bekliyorum|bekliyor|reddedildi|bitiyor|onaylanmadı|büyükelçilik|konsolosluk|ootan|tagasi lükatud|aegub|"
    r"saatkond|gaidu|atteikts|beidzas|vēstniecīb|laukiu|atmesta|atmestas|baigiasi|ambasad"
)

#: a doctor, who advises or forbids somebody something ("lekarz zabronił mi podróży samolotem"):
#: with a condition and a person in the sentence, that person's health
DOCTOR_WORDS = (
    r"doctor|doctors|gp|physician|arzt|ärztin|hausarzt|hausärztin|médecin|medico|medica|médico|médica|arts|huisarts|"
    r"lekarz|lekarka|lekarza|lékař|lékařka|lekár|lekárka|orvos|orvosom|läkare|läkaren|lægen|læge|lege|legen|"
    r"lääkäri|lääkärini|arst|arsti|gydytojas|gydytoja|ārsts|ārste|doktor|doktorum|γιατρός|γιατρό|врач|лікар|"
    r"лекар|лекарят|liječnik|liječnica|zdravnik|zdravnica|medic|medicul"
)

#: a path's word of a one-time link (a password's reset, an account's activation, an address's
#: confirmation, a sign-in link, an invitation) in EGI's languages, as stems a link's path word may
#: hold, spelled with and without accents (a link's path is not folded)
ONE_TIME_LINK_STEMS = (
    r"reset|recover|activat|verif|confirm|magic|one-?time|onetime|invit|unlock|login-?link|sign-?in-?link|"
    r"aktivier|bestaetig|bestätig|zuruecksetz|zurücksetz|reinitiali|réinitiali|restablec|recuper|ripristin|"
    r"redefini|herstel|wachtwoord|nollaa|aterstall|återställ|nulstil|tilbakestill|resetuj|obnov|helyreall|"
    r"visszaall|resetare|sifirla|sıfırla|lähtesta|atjauno|atkurti|ponastav|resetir|επαναφορ"
)


# --- public values that look personal (``detectors.public``) -----------------------------------

#: what one pays an organisation and it bills: a fee, an invoice (stems: a word that begins with one
#: is of the kind: "invoiced", "opłatę", "fakturu"); an organisation's bank account given with one
#: of them is given to be paid into
PAYMENT_PURPOSE_STEMS = (
    r"fee|fees|invoic|membership|subscription|tuition|registration fee|participation fee|"
    r"rechnung|gebühr|teilnahmebeitrag|mitgliedsbeitrag|kassenzeichen|"
    r"frais|facture|factur|cotisation|droits d'inscription|"
    r"quota|fattur|tassa|contributo|"
    r"cuota|tasa|matrícula|"
    r"taxa|fatura|propina|"
    r"factuur|facturen|inschrijfgeld|lidmaatschap|contributie|"
    r"opłat|faktur|składk|wpisow|"
    r"poplat|faktúr|"
    r"díj|tagdíj|részvételi díj|"
    r"taxă|taxa|factură|cotizați|"
    r"lasku|maksu|osallistumismaksu|jäsenmaksu|"
    r"avgift|deltagaravgift|"
    r"gebyr|kontingent|deltagergebyr|"
    r"τέλη|τέλος|τιμολόγι|συνδρομ|"
    r"kotizacij|pristojbin|naknad|"
    r"такс|фактур|"
    r"ücret|fatura|aidat|"
    r"osavõtutasu|liikmemaks|"
    r"dalības maksa|rēķin|"
    r"mokest|sąskaita faktūra"
)
#: the end of a compound that names a fee or an invoice ("Teilnahmegebühr", "deltagaravgift",
#: "osallistumismaksu", "Jahresrechnung")
PAYMENT_PURPOSE_ENDINGS = r"gebühr|gebühren|beitrag|rechnung|avgift|avgiften|maksu|maksun|gebyr|gebyret|tasu|díj|díjat"
#: an organisation named by what it is, beyond ``INSTITUTION_WORDS``: a university, an institute or
#: a firm in the languages that list lacks, an office of public money, a legal form
PAYEE_ORGANISATION_WORDS = (
    r"ústav|ústavu|ústavem|ústavy|vysoká škola|fakulta|fakulty|spolek|spolku|sdružení|organizace|společnost|"
    r"společnosti|firma|firmy|ústavom|spoločnosť|spoločnosti|nadácia|"
    r"uczelnia|uczelni|uczelnię|politechnika|politechniki|spółka|spółki|firmę|fundacji|instytutu|uniwersytetu|"
    r"company|companies|firm|treasury|cash office|"
    r"ente|enti|amministrazione|tesoreria|organismo|organisme|établissement|trésorerie|trésor public|"
    r"tesorería|hacienda|entidad|tesouraria|entidade|"
    r"instelling|schatkist|bedrijf|"
    r"intézmény|egyetemnek|egyetem|vállalat|társaság|egyesület|alapítvány|"
    r"instituția|instituției|societatea|"
    r"yhdistys|säätiö|laitos|förening|stiftelse|myndighet|forening|stiftelsen|"
    r"ίδρυμα|οργανισμός|εταιρεία|ustanova|zavod|društvo|институция|организация|"
    r"kurum|kurumu|şirket|asutus|iestāde|įstaiga|"
    # legal forms ("EGI Foundation" is one by its name; "CESNET, z. s. p. o.", "Example GmbH")
    r"gmbh|ggmbh|e\. ?v\.|ltd|plc|llc|inc\.|b\. ?v\.|n\. ?v\.|vzw|asbl|sarl|s\. ?a\. ?r\. ?l\.|s\. ?r\. ?l\.|srl|"
    r"s\. ?p\. ?a\.|s\. ?a\.|lda|sp\. ?z ?o\. ?o\.|a\. ?s\.|s\. ?r\. ?o\.|z\. ?s\. ?p\. ?o\.|z\. ?s\.|o\. ?p\. ?s\.|"
    r"v\. ?v\. ?i\.|kft|zrt|nyrt|oyj|a/s|aps|d\. ?o\. ?o\.|d\. ?d\.|eood|ood|ead|oü|uab|sia"
)
#: the end of a German compound that names an organisation ("Landesoberkasse", "Rechenzentrum")
PAYEE_ORGANISATION_ENDINGS = r"kasse|zentrum|institut|hochschule|universität|verwaltung|stiftung|behörde|gesellschaft"
#: what is paid to a person, not an organisation: a refund, a reimbursement, travel costs (an
#: account they are paid into is the person's own, whatever organisation pays)
PERSONAL_PAYMENT_STEMS = (
    r"refund|reimburs|repay|travel expense|travel cost|per diem|allowance|honorari|"
    r"erstatt|rückerstatt|rückzahl|zurücküberweis|zurückzahl|reisekosten|tagegeld|"
    r"rembours|frais de mission|frais de déplacement|"
    r"rimbors|restitu|spese di viaggio|"
    r"reembols|devoluci|gastos de viaje|viáticos|"
    r"reembolso|devolução|despesas de viagem|ajudas de custo|"
    r"terugbetal|terugstort|onkostenvergoeding|reiskosten|"
    r"zwrot|zwróc|zwroc|koszty podróży|delegacj|diet|"
    r"vrácen|vrátit|vrátí|refundac|refundác|vrátenie|cestovní náhrad|cestovné|"
    r"visszatérít|visszautal|útiköltség|"
    r"rambursa|decontare|"
    r"palaut|hyvit|matkakulu|päiväraha|"
    r"återbetal|resekostnad|traktamente|tilbagebetal|rejseudgift|refusj|tilbakebetal|reiseutgift|"
    r"επιστροφ|οδοιπορικ|povrat|putni trošk|vračil|povračil|potni strošk|възстанов|пътни|iade|harcırah|"
    r"tagasimaks|sõidukulu|atmaks|ceļa izdevum|grąžin|kelionės išlaid"
)
#: one's own, said of an account: "my", "your", and their cases ("mein Konto", "na moje konto",
#: "sur mon compte", "to your account")
OWN_ACCOUNT_WORDS = (
    r"my|your|mein|meine|meinem|meinen|meines|dein|deine|deinem|ihr|ihrem|ihren|mon|ma|mes|ton|votre|vos|"
    r"mio|mia|il mio|tuo|il tuo|suo|il suo|vostro|mi|mí|tu|su|meu|o meu|minha|a minha|seu|o seu|mijn|jouw|uw|"
    r"mój|moje|moja|moją|mojego|mojej|moim|twoje|twój|twoim|můj|mého|mém|mým|tvůj|váš|vaše|vašeho|vašem|môj|"
    r"môjho|mojom|min|mitt|mina|din|ditt|minun|sinun|minu|sinu|mano|tavo|mans|tavs|mea|tău|benim|senin|"
    r"μου|σου|moj|moja|tvoj|мой|моя|моята|мій|моят|твой"
)
#: an account word with "my" in its ending ("számlámra", "hesabıma", "tilini")
OWN_ACCOUNT_INFLECTED = (
    r"számlám|számlámra|számlámat|bankszámlám|bankszámlámra|hesabım|hesabıma|hesabımın|banka hesabım|"
    r"tilini|tililleni|pankkitilini|pankkitililleni|kontomi|kontom"
)
#: a word naming an account's holder: the holder that follows is a person unless an organisation is named
ACCOUNT_HOLDER_WORDS = (
    r"account holder|holder|account name|beneficiary|kontoinhaber|kontoinhaberin|inhaber|inhaberin|empfänger|"
    r"titulaire|bénéficiaire|intestatario|intestataria|intestato a|beneficiario|titular|titular da conta|"
    r"rekeninghouder|ten name van|t\.n\.v\.|begunstigde|posiadacz|posiadacza|właściciel|odbiorca|beneficjent|"
    r"majitel|majitele|majiteľ|příjemce|príjemca|számlatulajdonos|kedvezményezett|titularul|beneficiarul|"
    r"tilinhaltija|saaja|kontoinnehavare|mottagare|kontohaver|kontoindehaver|modtager|mottaker|δικαιούχος|"
    r"vlasnik|primatelj|imetnik|prejemnik|титуляр|получател|hesap sahibi|alıcı|konto omanik|kontoomanik|saaja|"
    r"konta īpašnieks|saņēmējs|sąskaitos savininkas|gavėjas"
)

#: a word naming a number only an organisation has: its VAT or company registration number, an
#: Italian public body's numeric tax code, a Czech IČO, a payment notice's code ("P.IVA", "IČO",
#: "REGON", "USt-IdNr.", "SIRET", "KvK", "CVR", "Y-tunnus", "org.nr", "codice avviso")
ORG_NUMBER_LABELS = (
    r"partita iva|p\. ?iva|piva|codice avviso|avviso di pagamento|iuv|"
    r"vat|vat no|vat number|vat id|vat reg|company number|company registration number|registered charity number|"
    r"charity number|companies house|"
    r"ust-idnr|ust\.-idnr|ust-id|ust\.-id|ust-id-nr|umsatzsteuer-identifikationsnummer|umsatzsteuer-id|"
    r"handelsregister|hrb|hra|vereinsregister|vr|"
    r"siret|siren|tva|n° tva|numéro de tva|rna|"
    r"cif|n\.i\.f\. de la entidad|"
    r"nipc|"
    r"kvk|kvk-nummer|btw|btw-nummer|btw-nr|rsin|ondernemingsnummer|kbo|bce|numéro d'entreprise|"
    r"ičo|ič|ič dph|regon|krs|"
    r"cégjegyzékszám|közösségi adószám|"
    r"cui|reg\. com\.|"
    r"y-tunnus|ly-tunnus|alv-numero|"
    r"org\. ?nr|org-nr|orgnr|organisationsnummer|organisasjonsnummer|momsregistreringsnummer|momsnr|cvr|cvr-nr|se-nr|"
    r"γεμη|"
    r"mb|matični broj|matična številka|"
    r"еик|булстат|"
    r"mersis|mersis no|ticaret sicil|"
    r"registrikood|kmkr|"
    r"reģistrācijas numurs|reģ\. nr|pvn|"
    r"įmonės kodas|pvm kodas"
)
#: an organisation named by a word's start, in its cases ("OIB ustanove", "davčna številka zavoda",
#: "kurumun vergi numarası", "ΑΦΜ του φορέα", "данъчен номер на института", "NIF de l'entitat"):
#: the owner of a tax number the word stands beside
ORGANISATION_OWNER_STEMS = (
    r"organi[sz]|organizac|organizaț|organizaţ|организац|institu|instytu|институт|інститут|ινστιτούτ|"
    r"univers|uniwersyt|univerzit|sveučiliš|egyetem|yliopist|ülikool|πανεπιστ|университет|"
    r"ustanov|zavod|tvrtk|društv|poduzeć|podjet|družb|fakult|facult|akadem|academ|"
    r"entidad|entidade|entitat|organism|ente|établissement|etablissement|einrichtung|firm|compan|"
    r"společnost|spółk|spoločnos|uczelni|ústav|intézmény|intézet|vállalat|laitoks|laitos|yhdisty|säätiö|"
    r"myndighet|virksomhed|stiftelse|stichting|instelling|bedrijf|foundation|stiftung|fundac|"
    r"kurum|şirket|φορέ|ιδρύμ|οργανισμ|εταιρ|iestād|uzņēmum|įstaig|įmon|asutus|ettevõt|"
    r"instituți|instituţi|societ|centr|zentr|консорц|consorz|consorc|consorti"
)
#: a person named as a tax number's owner beside an organisation's word ("OIB zaposlenika ustanove",
#: "NIP pracownika uczelni", "Steuernummer des Mitarbeiters"): the number is the person's
PERSON_OWNER_STEMS = (
    r"zaposlen|djelatnik|pracownik|pracownic|zaměstnan|zamestnan|mitarbeiter|beschäftigt|employ|"
    r"dipendent|empleado|empleada|funcionári|trabalhador|medewerker|werknemer|munkatárs|dolgozó|angajat|"
    r"työntekijä|anställd|ansat|υπαλλήλ|служител|çalışan|personel|töötaja|darbinie|darbuotoj|uslužben|"
    r"student|studente|estudiante|doktorand|doctorand|researcher|investigador|ricercator|chercheu|"
    r"person|osob|személy|henkilö|self-employed|autónomo|libero professionista"
)
#: a tax or registry number's word that a person's number has too: an organisation's only when one
#: is named beside it ("NIP uczelni", "DIČ ústavu", "the institute's tax number")
TAX_NUMBER_LABELS = (
    r"nip|dič|oib|afm|αφμ|α\.φ\.μ\.?|a\.f\.m\.?|davčna št|nif|tax number|tax id|tax code|steuernummer|numéro fiscal|codice fiscale|c\. ?f\.|cf|"
    r"número fiscal|número de contribuinte|fiscaal nummer|daňové číslo|adószám|cod fiscal|vergi no|vergi numarası|"
    r"davčna številka|porezni broj|данъчен номер"
)
#: words that say a value is an example, a test value or a specimen (stems: "przykładowy",
#: "testovací", "Beispiel-IBAN", "specimen")
EXAMPLE_STEMS = (
    r"example|sample|specimen|test|dummy|fictitious|fictional|fake|placeholder|sandbox|mock|demo|"
    r"beispiel|muster|fiktiv|"
    r"exemple|fictif|fictive|factice|spécimen|essai|"
    r"esempio|fittizi|prova|campione|"
    r"ejemplo|prueba|ficticio|ficticia|muestra|"
    r"exemplo|teste|fictício|fictícia|amostra|"
    r"voorbeeld|fictief|proef|"
    r"przykład|testow|fikcyjn|wzór|wzor|próbn|"
    r"příklad|ukázk|testovac|fiktivn|vzor|smyšlen|príklad|ukážk|"
    r"példa|minta|teszt|fiktív|"
    r"exemplu|fictiv|"
    r"esimerk|testi|malli|kuvitteelli|"
    r"exempel|eksempel|fiktiv|"
    r"παράδειγμα|δοκιμ|δείγμα|φανταστικ|"
    r"primjer|testn|ogledn|primer|vzorec|"
    r"пример|тестов|образец|фиктивн|"
    r"örnek|deneme|"
    r"näide|näidis|piemēr|paraug|pavyzd|bandom|testin"
)
#: famous test values, as vendors and registries publish them for testing and documentation
#: (written without spaces, upper case): the example IBAN of every EGI country in SWIFT's IBAN
#: registry (DE89 3704 0044 0532 0130 00, ...), the test card numbers of the payment processors'
#: documentation (Visa 4111 1111 1111 1111, Stripe's 4242..., Mastercard 5555 5555 5555 4444, ...),
#: Spain's DNI example 12345678Z (the Policía's), Sweden's test person Tolvan (19121212-1212),
#: the Finnish example henkilötunnus 131052-308T, the Dutch test BSNs, the UK's never-issued
#: National Insurance prefix QQ, the US's never-issued SSNs, the ICAO 9303 specimen passport
#: (L898902C3) and the German specimen ID card (T22000129, Erika Mustermann). Counted harmless only
#: with a word saying it is an example or a test beside it
DOCUMENTED_TEST_VALUES = (
    # IBAN registry examples
    "DE89370400440532013000 GB82WEST12345698765432 GB29NWBK60161331926819 FR1420041010050500013M02606 "
    "NL91ABNA0417164300 BE68539007547034 CH9300762011623852957 AT611904300234573201 "
    "ES9121000418450200051332 IT60X0542811101000000123456 PL61109010140000071219812874 "
    "CZ6508000000192000145399 SE4550000000058398257466 FI2112345600000785 DK5000400440116243 "
    "NO9386011117947 PT50000201231234567890154 RO49AAAA1B31007593840000 HU42117730161111101800000000 "
    "GR1601101250000000012300695 IE29AIBK93115212345678 SK3112000000198742637541 SI56263300012039086 "
    "HR1210010051863000160 BG80BNBG96611020345678 LT121000011101001000 LV80BANK0000435195001 "
    "EE382200221020145685 TR330006100519786457841326 LU280019400644750000 "
    # payment processors' test cards
    "4111111111111111 4242424242424242 4012888888881881 4000056655665556 4222222222222 5555555555554444 "
    "5105105105105100 2223003122003222 5200828282828210 378282246310005 371449635398431 6011111111111117 "
    "6011000990139424 3530111333300000 3566002020360505 30569309025904 38520000023237 6200000000000005 "
    # national ids' published examples and test values
    "12345678Z 191212121212 1212121212 121212-1212 19121212-1212 131052-308T 111222333 123456782 "
    "QQ123456C QQ123456A QQ123456B QQ123456D 078051120 123456789 "
    # specimen documents' numbers
    "L898902C3 L898902C D23145890 T22000129 L01X00T47"
).split()
#: names on specimen documents, as a machine-readable zone writes them
SPECIMEN_MRZ_NAMES = "ERIKSSON<<ANNA<MARIA MUSTERMANN<<ERIKA".split()
#: a refugee's or an asylum seeker's status, said of somebody ("his wife has refugee status",
#: "sie ist als Flüchtling anerkannt", "ha lo status di rifugiato"): like a residence permit, a
#: person's status (with ``RESIDENCE_PERMITS``)
REFUGEE_STATUS = (
    r"refugee status|asylum status|asylum seeker|refugee travel document|subsidiary protection|"
    r"flüchtlingsstatus|flüchtlingseigenschaft|asylstatus|asylbewerber|asylbewerberin|als flüchtling anerkannt|"
    r"subsidiärer schutz|subsidiären schutz|reiseausweis für flüchtlinge|statut de réfugié|statut de réfugiée|"
    r"demandeur d'asile|demandeuse d'asile|protection subsidiaire|status di rifugiato|status di rifugiata|"
    r"richiedente asilo|protezione internazionale|protezione sussidiaria|estatuto de refugiado|estatuto de refugiada|"
    r"estatus de refugiado|solicitante de asilo|protección internacional|estatuto de refugiado|requerente de asilo|"
    r"proteção internacional|vluchtelingenstatus|asielzoeker|asielstatus|verblijfsvergunning asiel|status uchodźcy|"
    r"ochrona międzynarodowa|ochronę międzynarodową|ochrony międzynarodowej|status uprchlíka|žadatel o azyl|"
    r"žadatelka o azyl|mezinárodní ochrana|status utečenca|žiadateľ o azyl|menekültstátusz|menekültstátuszt|"
    r"menedékkérő|oltalmazott|flyktingstatus|asylsökande|flygtningestatus|asylansøger|flyktningstatus|"
    r"asylsøker|pakolaisstatus|turvapaikanhakija|turvapaikka|statut de refugiat|statutul de refugiat|"
    r"solicitant de azil|καθεστώς πρόσφυγα|αιτών άσυλο|αιτούσα άσυλο|status izbjeglice|tražitelj azila|"
    r"status begunca|prosilec za azil|статут на бежанец|търсещ закрила|mülteci statüsü|sığınmacı|"
    r"pagulase staatus|varjupaigataotleja|bēgļa statuss|patvēruma meklētājs|pabėgėlio statusas|prieglobsčio prašytojas"
)

#: a pregnancy (its noun, as a word's part: "Schwangerschaftswoche", "zwangerschapsweek",
#: "tygodniu ciąży"): told by its week, with a number, of somebody, it is health data
PREGNANCY_STEMS = (
    "schwangerschaft", "pregnancy", "pregnant", "grossesse", "gravidanz", "embarazo", "gestacion", "gestação",
    "gravidez", "zwangerschap", "ciąży", "ciąża", "těhotenstv", "tehotenstv", "terhesség", "raskau",
    "terhes", "graviditet", "svangerskap", "κύησ", "εγκυμοσύν", "trudnoć", "nosečnost", "бременност",
    "gebelik", "rasedus", "grūtniecīb", "nėštum",
)
#: a week, as a word's part ("Schwangerschaftswoche", "hetében", "raskausviikolla")
WEEK_STEMS = (
    "woche", "week", "semaine", "settiman", "semana", "tydzień", "tygodni", "týd", "týžd", "hetes", "hetében", "héten",
    "viiko", "viikol", "vecka", "veckan", "uge", "uke", "săptămân", "εβδομάδ", "tjed", "tedn", "седмиц",
    "hafta", "nädal", "nedēļ", "savait",
)

#: a religion said of oneself or of somebody ("ik ben moslim", "je suis catholique", "è ebreo"): a
#: special category of the GDPR (the words of a faith's follower; the ones that are also given
#: names, "Christian", "Cristian", "Jude", "Kristen", only after an article or a modifier)
RELIGION_WORDS = (
    "muslim muslima muslime muslimin muslimisch moslim moslima moslims musulman musulmane musulmana musulmano "
    "musulmán muçulmano muçulmana muzułmanin muzułmanka muzułmaninem muzułmanką muzułmański moszlim "
    "muslimi muslimsk müslüman müslümanım μουσουλμάνος μουσουλμάνα мюсюлманин мюсюлманка musliman muslimanka "
    "musulmonas musulmaņs moslem "
    "catholic katholisch katholik katholikin catholique cattolico cattolica católico católica katholiek "
    "katoliczka katolikiem katoliczką katolík katolička katolícky katolíčka katolikus katolsk katolik "
    "katolinen katoolik catolic catolică καθολικός καθολική католик католичка katolkinja "
    "protestant protestantin protestante protestáns protestantisch "
    "jewish jüdisch jüdin juif juive ebreo ebrea judío judía judeu judia joods jood jodin żydówka żydem "
    "żydówką żydowski židovka žid židovský zsidó judisk jøde jødisk juutalainen evreu evreică εβραίος "
    "εβραία еврей еврейка židov židovka yahudi yahudiyim ebrejs žydas "
    "hindu hinduist hindoe hinduista hinduistisch induista hindou hindoue sikh "
    "buddhist buddhistin buddhiste bouddhiste buddista budista boeddhist boeddhistisch buddysta buddystką "
    "buddhista budist budistă βουδιστής будист "
    "atheist atheistin athée ateo atea ateu ateia atheïst ateista ateistka ateist ateistă άθεος атеист "
    "christin chrétien chrétienne cristiano cristiana cristão cristã chrześcijanin chrześcijanka "
    "chrześcijaninem křesťan křesťanka kresťan keresztény kristitty creștin creștină χριστιανός χριστιανή "
    "християнин kršćanin kristjan hristiyan "
    "orthodox orthodoxe ortodosso ortodossa ortodoxo ortodoxa prawosławny prawosławna pravoslavný "
    "pravoslavná ortodox ορθόδοξος православен православна pravoslavac "
    # a believer, whichever the faith ("ich bin gläubig", "ik ben gelovig")
    "gläubig gelovig věřící veriaci hívő troende uskovainen credincios religiös religieux religieuse religioso "
    "religiosa religieus religijny religijna"
)
#: a faith's follower's words that are also given names or other words: a religion only after an
#: article or a modifier ("a Christian", "ein Christ", "een christen")
RELIGION_AFTER_ARTICLE = r"christian|christ|christen|kristen|cristian|jude|kristian"
#: a first person's "am" before the faith's word ("ik ben moslim", "sono cattolica", "jestem
#: katoliczką", "we are Jewish")
RELIGION_FIRST_COPULAS = (
    r"i am|i'm|we are|we're|ich bin|bin ich|wir sind|je suis|nous sommes|sono|siamo|soy|somos|sou|somos|ik ben|"
    r"ben ik|wij zijn|we zijn|jestem|jesteśmy|jsem|jsme|som|sme|olen|olemme|jag är|vi är|jeg er|vi er|sunt|"
    r"suntem|είμαι|είμαστε|съм|сме|ja sam|sam|jaz sem|sem|esmu|esam|esu|olen|ma olen"
)
#: a third person's "is" before the faith's word: with a pronoun or a name before it ("he is
#: Jewish", "Yusuf is moslim", "elle est musulmane"; not "the university is Catholic")
RELIGION_THIRD_COPULAS = (
    r"is|ist|est|è|es|é|jest|je|är|er|on|este|είναι|е|ir|yra"
)
#: the copula after the faith's word ("moszlim vagyok", "musliman sam", "katolík jsem")
RELIGION_AFTER_COPULAS = r"vagyok|vagyunk|sam|smo|jsem|jsme|som|sme|sem|съм|сме|olen|oldum|değilim"
#: the small words and modifiers between the copula and the faith's word ("I am a practising Catholic")
RELIGION_BETWEEN = (
    r"a|an|also|ein|eine|auch|un|une|anche|uno|una|también|também|een|ook|też|taky|också|også|myös|și|"
    r"devout|practising|practicing|strict|strenger|strenge|praktizierender|praktizierende|gläubiger|gläubige|"
    r"pratiquant|pratiquante|praticante|practicante|praktiserend|praktiserende|gelovig|gelovige|"
    r"praktykujący|praktykująca|věřící|praktizující|hívő|gyakorló|troende|praktiserande|uskova|"
    r"credincios|credincioasă|πιστός|πιστή"
)
#: a faith's fast and holy days, and the verbs and nouns of fasting: one's fasting in them is one's
#: religion's practice ("tijdens de ramadan vast ik", "I fast during Ramadan", "je fais le ramadan";
#: not "the Ramadan holidays")
RELIGIOUS_SEASONS = (
    r"ramadan|ramadhan|ramazan|ramadán|ραμαζάνι|рамадан|рамазан|yom kippur|jom kippur|jom kipur|"
    r"lent|fastenzeit|carême|quaresima|cuaresma|quaresma|vastentijd|vasten|wielki post|wielkiego postu|"
    r"postní doba|nagyböjt|fastan|fasten|faste|paasto|postul mare|σαρακοστή|великий пост|korizma|"
    r"sabbath|shabbat|sabbat|šabat|szombat|šabbat|שבת|רמדאן|יום כיפור"
)
RELIGIOUS_PRACTICE = (
    r"אני שומר|אני שומרת|אנחנו שומרים|אני צם|אני צמה|"
    r"i fast|i am fasting|i'm fasting|i observe|i keep|i pray|we fast|he fasts|she fasts|he is fasting|"
    r"she is fasting|fasting|ich faste|faste ich|fastet|je jeûne|jeûne|je fais le ramadan|"
    r"fais le ramadan|fait le ramadan|digiuno|faccio il ramadan|ayuno|hago el ramadán|hago ramadán|jejuo|"
    r"faço jejum|faço o ramadão|vast ik|ik vast|ik doe mee aan de ramadan|doe aan de ramadan|hij vast|zij vast|"
    r"poszczę|pościmy|poszcząc|postím|postím se|böjtölök|böjtöl|fastar|jag fastar|jeg faster|vi faster|"
    r"paastoan|paastoaa|postesc|țin postul|νηστεύω|νηστεύει|пощусь|постя|postim|postim se|oruç tutuyorum|"
    r"oruç tutuyor|oruçluyum|paastun|gavēju|pasninkauju|postimo|observe shabbat|observe the sabbath|"
    r"keep shabbat|keep the sabbath|keep kosher|halte den schabbat|halte schabbat|respecte le shabbat|"
    r"osservo lo shabbat|guardo el sábado"
)

#: fasting said in the first person by the verb's ending alone ("Ramazan boyunca oruç tuttuğum
#: için", "pasninkaujame", "postíme"): with a season, whose practice it is needs no other word
RELIGIOUS_PRACTICE_FIRST = (
    r"oruç tutuyorum|oruçluyum|oruç tuttuğum|oruç tuttuğumuz|oruç tuttuğumdan|oruç tuttuğumuzdan|oruç tutacağım|"
    r"oruç tutacağız|oruç tutuyoruz|oruç tutarım|oruç tutarız|oruç tuttum|oruç tutmaktayım|oruçlu olduğum|"
    r"oruçlu olduğumuz|oruçlu olduğumdan|oruçlu olacağım|oruçluyuz|"
    r"poszczę|pościmy|postím|postíme|postím se|postíme se|böjtölök|böjtölünk|paastoan|paastoamme|postesc|postim|"
    r"postimo|νηστεύω|νηστεύουμε|пощусь|постимся|постя|постим|paastun|paastume|gavēju|gavējam|pasninkauju|"
    r"pasninkaujame|ayunamos|jejuo|jejuamos|digiuniamo|je jeûne|jeûnons|ik vast|vast ik|we vasten|"
    r"ich faste|faste ich|wir fasten|jag fastar|vi fastar|jeg faster|vi faster|i fast|we fast|i'm fasting|"
    r"i am fasting|we're fasting|we are fasting"
)

#: a person's religious observance, told as a reason ("vrijdagmiddag ben ik er niet vanwege het
#: vrijdaggebed in de moskee", "I go to Friday prayers", "zum Gottesdienst"): with somebody in the
#: sentence, that person's religion (a word's start: "Freitagsgebet", "vrijdaggebed", "fredagsbönen")
RELIGIOUS_OBSERVANCES = (
    "friday prayer", "jumu'ah", "jummah", "jumah", "freitagsgebet", "vrijdaggebed", "prière du vendredi",
    "priere du vendredi", "preghiera del venerdì", "oración del viernes", "oração de sexta", "modlitwa piątkowa",
    "piątkowa modlitw", "piątkowej modlitw", "páteční modlitb", "pénteki ima", "fredagsbön", "fredagsbøn",
    "perjantairukou", "rugăciunea de vineri", "džuma", "dzuma", "džumu", "cuma namaz", "reedese palve",
    "piektdienas lūgšan", "penktadienio mald", "mosque", "moschee", "moskee", "mosquée", "moschea", "mezquita",
    "mesquita", "meczet", "mešit", "mecset", "moské", "moske", "moskeij", "τζαμί", "džamij", "dzamij", "mošej",
    "джамия", "camiye", "camide", "synagogue", "synagoge", "sinagog", "synagog", "zsinagóg", "συναγωγ", "синагог",
    "gottesdienst", "kerkdienst", "church service", "sunday mass", "sonntagsmesse", "messe du dimanche",
    "messa domenicale", "misa del domingo", "missa de domingo", "mszy świętej", "msza święta", "mszę", "na mszy",
    "szentmisé", "gudstjänst", "gudstjeneste", "jumalanpalvelu", "slujba de duminică", "θεία λειτουργία",
    "na misu", "na misi", "nedjeljnu misu", "nedeljsko mašo", "kiliseye", "jumalateenistus", "dievkalpojum",
    "pamaldos", "mišių",
)
#: not working on the holy day, said of oneself ("am Sabbat arbeite ich nicht", "on Shabbat I don't
#: work"): with a holy day of ``RELIGIOUS_SEASONS``, one's religion's practice
HOLY_DAY_REST = (
    r"i don't work|i do not work|i never work|i can't work|i cannot work|arbeite ich nicht|ich arbeite nicht|"
    r"je ne travaille pas|non lavoro|no trabajo|não trabalho|werk ik niet|ik werk niet|nie pracuję|nepracuji|"
    r"nepracujem|jag arbetar inte|jeg arbejder ikke|jeg jobber ikke|en tee töitä|nu lucrez|δεν δουλεύω|"
    r"ne radim|ne delam|не работя|çalışmıyorum|ma ei tööta|nestrādāju|nedirbu|i'm offline|i am offline|"
    r"bin ich offline|ich bin offline|je suis hors ligne|ben ik offline"
)
#: a family event given as a reason for an absence: a death and a funeral, a divorce, a child's
#: baptism or a religious rite ("hans far døde i weekenden, og begravelsen er på fredag", "a válásom
#: miatt", "krštenje moje kćeri"): of the writer or of somebody in the sentence, a private matter
#: (as a word's start: "begravelsen", "Beerdigung", "válásom", "krštenje")
FAMILY_EVENT_STEMS = (
    # a funeral, a burial, a wake
    "funeral", "begräbnis", "beerdigung", "trauerfeier", "beisetzung", "funérailles", "funerailles", "obsèques",
    "obseques", "enterrement", "funerale", "esequie", "entierro", "velorio", "funeral", "enterro", "velório",
    "begrafenis", "uitvaart", "pogrzeb", "pohřeb", "pohreb", "temetés", "hautajai", "hautajais", "begravning",
    "begravelse", "înmormântar", "inmormantar", "κηδεί", "sprovod", "pogreb", "погребени", "cenaze",
    "matused", "matustel", "laidotuv",
    # a divorce
    "divorce", "scheidung", "divorzi", "divorci", "divórci", "echtscheiding", "rozwod", "rozwód", "rozvod",
    "válóper", "avioero", "skilsmäss", "skilsmisse", "divorț", "divort", "διαζύγι", "razvod", "ločitv",
    "ločitev", "развод", "boşanm", "boşand", "lahutus", "šķiršan", "skyryb",
    # a baptism, a first communion, a confirmation, a bar or bat mitzvah
    "baptism", "christening", "taufe", "baptême", "bapteme", "battesimo", "bautizo", "bautismo", "batizado",
    "batismo", "doopfeest", "doopviering", "chrzest", "chrztu", "chrzcin", "křtin", "krštenj", "krsten",
    "keresztelő", "ristiäi", "dopfest", "barnedåb", "barnedåp", "botez", "βάπτισ",
    "крщене", "кръщене", "vaftiz", "ristimis", "kristīb", "krikštyn",
    "first communion", "erstkommunion", "première communion", "premiere communion", "prima comunione",
    "primera comunión", "primera comunion", "primeira comunhão", "eerste communie", "komunia", "komunii",
    "svaté přijímání", "elsőáldozás", "prva pričest", "prvo sveto obhajilo", "firmung", "konfirmation",
    "konfirmasjon", "vormsel", "cresima", "bierzmowani", "bar mitzva", "bat mitzva", "bar-mitzva",
    "bat-mitzva", "brit milah",
)
#: the family events' words that begin other words ("válás" of "válasz", an answer, once folded;
#: "křest" of "křesťan"), as whole words, and the ones that say their owner by their ending
#: ("a válásom miatt", "boşanmam", "avioeroni")
FAMILY_EVENT_WORDS = (
    "válás válása válásom válásomat válásunk křest křtu krst krsta krstu dåben dåpen dopet "
    "bēres bērēs doop"
)
FAMILY_EVENT_OWN = (
    "válásom válásomat válásunk válóperem boşanmam boşanmamız boşandım avioeroni"
)
#: a relative's death ("mein Vater ist gestorben", "mio padre è morto", "hans far døde"): the verb,
#: with a relative (``RELATIVE_WORDS``, ``FAMILY_EVENT_RELATIVES``) in its sentence
DEATH_VERBS = (
    r"died|has died|passed away|has passed|gestorben|verstorben|ist verschieden|est mort|est morte|est décédé|"
    r"est décédée|décédé|décédée|è morto|è morta|è mancato|è mancata|è scomparso|è scomparsa|falleció|murió|"
    r"ha fallecido|ha muerto|faleceu|morreu|overleden|is gestorven|gestorven|zmarł|zmarła|umarł|umarła|"
    r"zemřel|zemřela|zomrel|zomrela|meghalt|elhunyt|kuoli|on kuollut|har dött|døde|er død|er døde|"
    r"a murit|a decedat|πέθανε|umro|umrla|preminuo|preminula|umrl|je umrl|je umrla|почина|öldü|"
    r"vefat etti|hayatını kaybetti|suri|on surnud|nomira|mirė"
)
#: relatives' words in the languages ``RELATIVE_WORDS`` leaves out, and their inflected forms
#: ("pogrzeb mojej mamy", "krštenje moje kćeri", "hans far", "apám", "isäni")
FAMILY_EVENT_RELATIVES = (
    "mamy mama mamą matki ojca taty tata córki syna żony męża dziadek dziadka babcia babci brat brata siostra "
    "siostry kćeri kći kćer sina sin otac oca majka majke mama mame tata tate brat brata sestra sestre "
    "supruga supruge suprug muž muža žena žene matka otce dcery syna bratr sestra babička dědeček "
    "apám anyám apja anyja fiam lányom férjem feleségem nagyapám nagyanyám testvérem bátyám öcsém nővérem húgom "
    "isäni äitini isä äiti poikani tyttäreni vaimoni mieheni veljeni siskoni isoisäni isoäitini "
    "farfar morfar farmor mormor bror søster syster bror broder søn datter sønn far mor "
    "grandfather grandmother grandpa grandma brother sister uncle aunt father-in-law mother-in-law "
    "großvater großmutter opa oma bruder schwester schwiegervater schwiegermutter onkel tante "
    "grand-père grand-mère frère sœur soeur oncle nonno nonna fratello sorella zio zia abuelo abuela hermano "
    "hermana tío tía avô avó irmão irmã tio tia opa oma broer zus grootvader grootmoeder "
    "babcią dziadkiem babičky dědečka bunicul bunica tata tatăl mamei tatălui fratele sora "
    "babam annem oğlum kızım eşim ağabeyim kardeşim dedem ninem anneannem babaannem "
    "isa ema isaisa vanaema vanaisa tēvs māte tēva mātes tėvas motina tėvo motinos "
    "πατέρας μητέρα πατέρα μητέρας κόρη γιος γιαγιά παππούς баща майка бащата майката дъщеря син "
    "oče mati hči sin mama brat sestra"
)

#: an absence in a short field ("nem elérhető", "nicht erreichbar", "out of office"): with a name
#: and a condition told with its "after" or "because of", somebody's health
ABSENCE_WORDS = (
    r"not available|unavailable|not reachable|unreachable|out of office|absent|away|off|on leave|"
    r"nicht erreichbar|nicht verfügbar|nicht da|abwesend|ausgefallen|fällt aus|fehlt|indisponible|"
    r"injoignable|absente|non disponibile|non raggiungibile|assente|no disponible|no localizable|ausente|"
    r"indisponível|ausente|niet beschikbaar|niet bereikbaar|afwezig|niedostępny|niedostępna|nieobecny|"
    r"nieobecna|nedostupný|nedostupná|nepřítomen|nepřítomna|nepřítomný|neprítomný|neprítomná|nem elérhető|"
    r"nem lesz elérhető|távol|távollét|nincs bent|inte tillgänglig|inte nåbar|frånvarande|borta|"
    r"ikke tilgængelig|fraværende|ikke tilgjengelig|ikke til stede|ei tavoitettavissa|poissa|ei käytettävissä|"
    r"indisponibil|absent|absentă|μη διαθέσιμος|μη διαθέσιμη|απών|απούσα|nedostupan|nedostupna|odsutan|"
    r"odsutna|nedosegljiv|nedosegljiva|odsoten|odsotna|недостъпен|недостъпна|отсъства|müsait değil|"
    r"ulaşılamıyor|izinli|eemal|ei ole kättesaadav|nav pieejams|nav sasniedzams|prombūtnē|nepasiekiamas|"
    r"nepasiekiama|nedirba|"
    # away, as a short note says it of oneself ("I'm out for surgery", "bin ab Montag wegen einer OP weg")
    r"out|weg|fort|parti|partie|fuori|fuera|fora|pryč|preč|krankgeschrieben|in ziekteverlof|en baja|in malattia|"
    r"en arrêt|w szpitalu|na zwolnieniu|na nemocenské|sjukskriven|sykmeldt|sygemeldt|sairauslomalla|betegszabadságon"
)
#: the speaker, in a short note about their own absence ("I'm off for knee surgery", "bin ab Montag
#: ... weg", "je suis absent pour une opération", "estoy de baja por una operación")
FIRST_PERSON_WORDS = (
    r"i'm|i am|i'll be|i will be|i'll|ich bin|bin ich|bin|ich|je suis|je serai|j'serai|sono|sarò|starò|estoy|estaré|"
    r"estou|estarei|vou estar|ik ben|ben ik|ik|jestem|będę|nie będzie mnie|jsem|budu|nebudu|nebudem|budem|vagyok|"
    r"leszek|nem leszek|olen|olen poissa|jag är|jag|jeg er|jeg|sunt|voi fi|voi lipsi|είμαι|θα είμαι|bit ću|bom|"
    r"olacağım|yokum|esmu|būšu|būsiu|esu|ma olen|olen"
)
#: the writer having, suffering from or living with a condition, right before its word (two short
#: words between at most: "I have epilepsy", "I've got mild asthma", "j'ai de l'asthme", "soffro di
#: asma", "cierpię na padaczkę"), in the languages whose first person ``FIRST_PERSON_WORDS`` and
#: ``PASSING_FIRST_PERSON`` do not say ("I have uploaded the epilepsy recordings" has a verb between)
OWN_CONDITION_BEFORE = (
    r"i have|i have had|i['’]ve|i['’]ve got|i['’]ve had|i have got|i had|i suffer from|i live with|i['’]m living with|"
    r"i was diagnosed with|i['’]ve been diagnosed with|i have been diagnosed with|"
    r"j['’]ai|j['’]ai eu|je souffre de|je souffre d['’]|je vis avec|soffro di|convivo con|sufro de|sufro|padezco|"
    r"vivo con|sofro de|vivo com|ik heb|ik lijd aan|cierpię na|choruję na|trpím|trpím na|trpim|szenvedek|"
    r"kärsin|lider av|lider af|sufăr de|πάσχω από|patim od|bolujem na|страдам от"
)
#: a purpose's word before a condition, in such a note ("off for knee surgery", "absent pour une
#: opération", "fuori per un intervento", "weg für die OP")
CONDITION_FOR_BEFORE = r"for|für|pour|per|para|voor|dla|na|za|på|pentru|için|για|за|kvůli|miatt"
#: the words that tell a condition as a cause or a time, before it ("after knee surgery", "nach
#: Knie-OP", "po operacji") or after it ("térdműtét után", "leikkauksen jälkeen")
CONDITION_CAUSE_BEFORE = (
    r"after|since|due to|because of|following|recovering from|nach|seit|wegen|aufgrund|après|depuis|"
    r"suite à|à cause de|dopo|a causa di|per via di|causa|después de|tras|desde|por|debido a|após|desde|"
    r"devido a|por causa de|na|sinds|door|wegens|vanwege|po|od|z powodu|przez|kvůli|kvôli|pro|efter|sedan|"
    r"på grund av|siden|på grund af|etter|på grunn av|după|din cauza|de la|μετά από|μετά την|λόγω|"
    r"nakon|zbog|zaradi|след|поради|pēc|dėl|peale"
)
CONDITION_CAUSE_AFTER = r"után|óta|miatt|jälkeen|vuoksi|takia|sonrası|sonrasında|nedeniyle|yüzünden|järel|tõttu|pärast"

#: a mobility aid (a wheelchair, crutches, a walker), as a word's part: used since a condition
#: ("uses a wheelchair since his stroke", "seit dem Schlaganfall im Rollstuhl"), a person's health
MOBILITY_AID_STEMS = (
    "wheelchair", "rollstuhl", "fauteuil roulant", "sedia a rotelle", "carrozzina", "silla de ruedas",
    "cadeira de rodas", "rolstoel", "wózek inwalidzki", "wózku inwalidzkim", "wózka inwalidzkiego",
    "invalidní vozík", "invalidním vozíku", "vozíčkář", "invalidný vozík", "kerekesszék", "rullstol", "kørestol",
    "rullestol", "pyörätuoli", "scaun cu rotile", "αναπηρικό αμαξίδιο", "инвалидна количка", "invalidska kolica",
    "invalidski voziček", "tekerlekli sandalye", "ratastool", "ratiņkrēsl", "neįgaliojo vežimėl",
    "crutch", "krücke", "béquille", "stampell", "muleta", "krukken", "krykke", "berle", "mankó", "kryck",
    "krykk", "kainalosauv", "cârj", "πατερίτσ", "štak", "патериц", "koltuk değneğ",
    "rollator", "walking frame", "walking stick", "gehhilfe", "gehstock", "déambulateur", "deambulatore",
    "andador", "andarilho", "looprek", "wandelstok", "balkonik", "chodítko", "járókeret", "rullator",
    "kävelyteline", "premergător",
)
#: a stay in a place of care told with its verb, before the place's abbreviation ("ligt in het WKZ",
#: "liegt im UKE", "is in the UMCG"): with a condition after "with" or "since", a person's health
CARE_STAY_VERBS = (
    r"lies|is lying|is|was|has been|ligt|lag|is opgenomen|liegt|lag|ist|wurde|est|était|è|sta|si trova|está|"
    r"esta|estuvo|está internado|está internada|jest|leży|leżała|leżał|je|leží|ležela|ležel|leži|fekszik|van|"
    r"ligger|låg|är|er|lå|makaa|on|este|zace|είναι|νοσηλεύεται|лежи|е|yatıyor|guli|atrodas|viibib"
)
CARE_STAY_PLACES = (
    r"in|in the|im|ins|in der|at|at the|au|à l'|à la|à|al|all'|nel|nello|nella|en|en el|en la|no|na|w|we|"
    r"v|ve|u|i|på|in het|op|op de|az|a|în|στο|στη|в|во|ve|hastanesinde|ligoninėje"
)
#: "with" and "because of", between the place and the condition ("met een ernstige longontsteking")
CONDITION_WITH = (
    r"with|for|after|since|because of|due to|met|na|door|mit|nach|wegen|seit|avec|pour|après|depuis|con|per|"
    r"dopo|da|por|tras|desde|com|após|z|ze|po|przez|s|se|kvůli|kvôli|med|efter|etter|kanssa|cu|după|με|μετά|с|"
    r"sa|zbog|nakon|ile|ar|su"
)

#: an operation named with its body part ("un'operazione al menisco", "Operation am Knie", "operación de
#: rodilla", "operacja kolana", "diz ameliyatı"): a surgery, not a service's operation; told as a
#: cause or of somebody, a person's health
SURGERY_ON_BODY_PARTS = (
    r"(?:operation|surgery|an operation|op) on (?:my|his|her|their|the) (?:left |right )?(?:knee|hip|shoulder|spine|"
    r"meniscus|ankle|wrist|elbow|foot|eye|eyes|heart|back|achilles tendon)|"
    r"(?:knee|hip|shoulder|spine|spinal|heart|eye|back|meniscus|acl|ankle|wrist|elbow|cataract|hernia|"
    r"appendix|gallbladder|bypass) (?:surgery|operation|op)|(?:knee|hip|shoulder) replacement|"
    r"(?:operation|op|eingriff|eingriffs) (?:am|an der|an den|an meinem|an meiner|am linken|am rechten|an der linken|"
    r"an der rechten) (?:knie|hüfte|schulter|rücken|herzen|herz|auge|augen|meniskus|sprunggelenk|handgelenk|fuß|fuss|"
    r"ellenbogen|wirbelsäule|bandscheibe|kreuzband|achillessehne|blinddarm|galle)|"
    r"(?:opération|intervention|chirurgie) (?:du|de la|de l'|des|au|à la|à l'|aux) (?:genou|genoux|hanche|épaule|dos|"
    r"œil|oeil|yeux|ménisque|cheville|poignet|coude|pied|colonne vertébrale|ligament croisé|tendon d'achille)|"
    r"(?:opération|intervention) (?:du|au) (?:cœur|coeur)|"
    r"(?:operazione|intervento|intervento chirurgico) (?:al|alla|allo|all'|ai|agli|alle|di) (?:ginocchio|ginocchia|"
    r"anca|spalla|schiena|cuore|occhio|occhi|menisco|caviglia|polso|gomito|piede|colonna vertebrale|"
    r"legamento crociato|crociato|tendine|appendice|cistifellea|ernia)|"
    r"(?:operación|intervención|cirugía|intervención quirúrgica) (?:de|de la|del|en la|en el) (?:rodilla|rodillas|cadera|"
    r"hombro|espalda|corazón|ojo|ojos|menisco|tobillo|muñeca|codo|columna vertebral|ligamento cruzado|"
    r"apéndice|vesícula|hernia)|"
    r"(?:operação|cirurgia|intervenção|intervenção cirúrgica) (?:ao|à|no|na|do|da|de|aos|nos) (?:joelho|joelhos|anca|"
    r"quadril|ombro|costas|coração|olho|olhos|menisco|tornozelo|pulso|cotovelo|coluna vertebral|"
    r"ligamento cruzado|apêndice|vesícula|hérnia)|"
    r"(?:operatie|ingreep) (?:aan|aan de|aan het|aan mijn|aan zijn|aan haar) (?:knie|heup|schouder|rug|hart|oog|ogen|"
    r"meniscus|enkel|pols|elleboog|voet|kruisband|wervelkolom)|"
    r"(?:operacja|operacji|operację|operacją|zabieg|zabiegu|zabiegiem) (?:kolana|biodra|barku|kręgosłupa|serca|oka|"
    r"oczu|łąkotki|kostki|nadgarstka|łokcia|stopy|więzadła|wyrostka|przepukliny)|"
    r"(?:operace|operaci|operací|operácia|operácie|operáciu|operácii|zákrok|zákroku) (?:kolene|kolena|kyčle|bedra|"
    r"ramene|ramena|páteře|chrbtice|srdce|srdca|oka|očí|menisku|kotníku|členka|zápěstí|zápästia|lokte|lakťa|"
    r"slepého střeva|slepého čreva|žlučníku|žlčníka|kýly|prietrže)|"
    r"(?:operație|operația|operatie|operatia|intervenție|intervenția|intervenție chirurgicală) (?:la|de) (?:genunchi|"
    r"șold|umăr|spate|coloană|inimă|ochi|menisc|gleznă|cot|încheietură|hernie)|"
    r"(?:εγχείρηση|επέμβαση|χειρουργείο|χειρουργική επέμβαση) (?:στο|στη|στον|στην|στα|στις) (?:γόνατο|γόνατα|ισχίο|"
    r"ώμο|πλάτη|σπονδυλική στήλη|καρδιά|μάτι|μάτια|μηνίσκο|αστράγαλο|καρπό|αγκώνα)|"
    r"(?:операция|операцията|операции|операція|операцію) (?:на) (?:коляното|коляно|колене|коліні|коліна|рамото|"
    r"гърба|гръбначния стълб|сърцето|сердце|серці|окото|очите|глазу|глазах|оці|менискуса|мениске|меніску|глезена|"
    r"китката|тазобедрената става|позвоночнике|хребті|тазобедренном суставе)|"
    r"(?:operacija|operacije|operaciju|operacijom|operaciji|zahvat|zahvata|zahvatu|poseg|posega) (?:koljena|kolena|"
    r"kuka|kolka|ramena|leđa|kralježnice|kičme|hrbtenice|hrbta|srca|oka|očiju|oči|očesa|meniskusa|gležnja|"
    r"zapešća|zapestja|lakta|komolca|slijepog crijeva|slepiča|kile)|"
    r"(?:operacija|operacije|operaciju|operacijom|operaciji|zahvat|zahvata|poseg|posega) na (?:koljenu|kolenu|"
    r"kuku|kolku|ramenu|leđima|kralježnici|kičmi|hrbtenici|srcu|oku|očima|meniskusu|gležnju)|"
    r"(?:diz|kalça|omuz|bel|sırt|kalp|göz|menisküs|ayak bileği|bilek|dirsek|fıtık|apandisit) "
    r"(?:ameliyatı|ameliyatım|ameliyatımı|ameliyatımdan|ameliyatından|ameliyatına|ameliyatı için|ameliyat)|"
    r"(?:ceļa|gūžas|pleca|muguras|sirds|acs|acu|meniska|potītes) (?:operācija|operāciju|operācijas|operācijā|"
    r"operācijai)|"
    r"(?:kelio|klubo|peties|nugaros|širdies|akies|akių|menisko|čiurnos|stuburo) (?:operacija|operaciją|operacijos|"
    r"operacijai|operacijoje)|"
    r"(?:põlve|puusa|õla|selja|südame|silma|menisk|meniski|hüppeliigese) (?:operatsioon|operatsiooni|operatsioonil|"
    r"operatsioonile|operatsioonist)"
)
#: a surgery's compound with its body part, in the languages that write them as one word
#: ("Knie-OP", "knäoperation", "polvileikkaus", "térdműtét", "põlveoperatsioon"): the body part's
#: stem at the word's start, the surgery's after it
SURGERY_COMPOUND_PARTS = (
    "knie", "hüft", "huft", "schulter", "rücken", "rucken", "herz", "augen", "meniskus", "bandscheiben",
    "kreuzband", "heup", "schouder", "rug", "hart", "oog", "kruisband", "knä", "kna", "knæ", "kne", "höft",
    "hoft", "hofte", "axel", "rygg", "ryg", "hjärt", "hjert", "ögon", "ogon", "øjen", "menisk", "polvi",
    "lonkka", "olkapää", "selkä", "sydän", "silmä", "térd", "terd", "csípő", "csipo", "váll", "vall",
    "gerinc", "szív", "sziv", "szem", "põlve", "polve", "puusa", "selja", "südame", "sudame",
)
SURGERY_COMPOUND_ENDS = (
    "op", "operation", "operationen", "operatie", "operaties", "operasjon", "operasjonen", "operationen",
    "leikkaus", "leikkauks", "leikkauk", "műtét", "mutet", "operatsioon",
)
#: an auto-reply's or an out-of-office note's marker, in its subject ("Automatische Antwort:",
#: "Réponse automatique :", "Out of Office:"): the note says where its writer is, and maybe why
AUTO_REPLY_WORDS = (
    r"automatic reply|auto reply|auto-reply|autoreply|automatic response|out of office|abwesenheitsnotiz|"
    r"automatische antwort|abwesenheit|réponse automatique|message d'absence|risposta automatica|fuori sede|"
    r"fuori ufficio|respuesta automática|fuera de la oficina|resposta automática|fora do escritório|"
    r"automatisch antwoord|afwezigheidsmelding|odpowiedź automatyczna|automatyczna odpowiedź|"
    r"automatická odpověď|automatická odpoveď|automatikus válasz|házon kívül|automatiskt svar|autosvar|"
    r"automatisk svar|automaattinen vastaus|poissaoloviesti|răspuns automat|αυτόματη απάντηση|"
    r"автоматичен отговор|automatski odgovor|samodejni odgovor|otomatik yanıt|otomatik cevap|ofis dışında|"
    r"automaatne vastus|automātiskā atbilde|automatinis atsakymas|автоматический ответ|автоматична відповідь"
)
#: "because of", between a place of care and a condition ("v bolnišnici zaradi zapletov s sladkorno
#: boleznijo", "u bolnici zbog", "w szpitalu z powodu"): the stay is for that condition
CONDITION_BECAUSE = (
    r"because of|due to|wegen|aufgrund|à cause de|en raison de|a causa di|per via di|debido a|a causa de|por causa de|"
    r"devido a|vanwege|wegens|z powodu|kvůli|kvôli|pre|på grund av|på grund af|på grunn av|din cauza|din cauza unor|"
    r"λόγω|zbog|zaradi|поради|из-за|через|dėl|dēļ|miatt|takia|vuoksi|nedeniyle|tõttu|with|mit|avec|con|com|met|"
    r"z|ze|s|sa|se|cu|med|με|с"
)

#: an illness told in passing, by its common word, as a word's beginning ("ich habe Gürtelrose",
#: "Syn má leukémii", "soy celíaca", "mijn dochter heeft kanker", "jeg er gravid"): said of the
#: writer or of somebody in its sentence, health data (h58a). A research topic's sentence ("cancer
#: research", "pregnancy cohort study", "flu forecasting model") is the work's.
PASSING_ILLNESS_STEMS = (
    # shingles
    "shingles", "gürtelrose", "herpes zoster", "zoster", "gordelroos", "półpasiec", "półpaśc", "pásový opar",
    "pásového oparu", "pásovom opare", "övsömör", "vyöruusu", "bältros", "helvedesild", "helvetesild",
    "έρπητα ζωστήρα", "έρπης ζωστήρ", "херпес зостер", "pasavac", "pasovec", "zona zoster", "fuoco di sant",
    "culebrilla", "vöötohatis", "jostas roze", "juostinė pūslelinė",
    # leukaemia, lymphoma
    "leukaem", "leukem", "leukäm", "leucém", "leucem", "leukém", "białacz", "λευχαιμ", "левкем",
    "lymphom", "lymfom", "limfom", "linfom", "chłoniak",
    # coeliac disease
    "coeliac", "celiac", "zöliakie", "cœliaque", "coeliaque", "céliaque", "celiach", "celíac", "celiac",
    "coeliakie", "coeliakie", "celiakie", "celiaki", "celiakia", "celiakii", "cöliákiá", "cöliákia",
    "lisztérzékeny", "keliakia", "keliaki", "κοιλιοκάκ", "celijakij", "celiakij", "çölyak", "tsöliaakia",
    "цьолиак",
    # cancer and tumours, in the words the neighbours use
    "kanker", "syöpä", "syövän", "syöpää", "kræft", "kreft", "καρκίν", "kanser", "vähk", "vēzis", "vėžys", "vėžio", "vėžiu",
    "rakovin", "nowotw", "cancer", "cancro", "cáncer", "krebs", "tumor", "tumour",
    # flu, pneumonia's kin, and other illnesses one is off with
    "grippe", "influenza", "griep", "grypa", "grypę", "grypy", "chřipk", "chrípk", "influensa", "flunssa",
    "gripă", "gripa", "gripp", "γρίπη", "грип", "covid", "mononucle", "borreliose", "lyme",
    "migraine", "migräne", "emicrania", "migraña", "migrena", "migréna", "migrén", "migreeni", "migrän",
    "migræne", "bandscheibenvorfall", "hernia discal", "dyskopati", "ernia del disco",
    # diabetes, depression, burn-out, as one has them
    "diabet", "diabeet", "diyabet", "şeker hastas", "cukrzyc", "cukrovk", "cukorbeteg", "sokeritauti", "depression", "depressiv", "depressie", "dépression", "depressione",
    "depresión", "depressão", "depresja", "depresji", "deprese", "depresi", "depresszi", "masennus", "depresie",
    "κατάθλιψ", "депрес", "depresij", "depresyon", "depressioon", "burnout", "burn-out",
    "épuisement professionnel", "erschöpfungssyndrom", "overspannen", "wypaleni", "vyhořen",
    "kiégés", "loppuunpal", "utbränd", "udbrændt", "utbrent",
    # pregnancy said of a person (the adjective and its forms)
    "pregnant", "schwanger", "enceinte", "incinta", "embarazada", "grávida", "zwanger", "w ciąży", "těhotná",
    "tehotná", "terhes vagyok", "várandós", "raskaana", "gravid", "însărcinat", "έγκυ", "бременна", "trudna sam",
    "trudnica", "noseča", "hamile", "rasedus", "nėščia",
    # a stay in hospital
    "hospitalisation",
    "hospitalization", "hospitalizac", "hospitalizác", "hospitalizzazion", "hospitalización", "hospitalização",
    "internamento hospitalar", "ricovero ospedal", "ziekenhuisopname", "krankenhausaufenthalt", "kórházi kezel",
    "sairaalahoi", "sjukhusvistelse", "indlæggelse", "innleggelse", "spitalizare", "internare în spital",
    "νοσηλεία", "хоспитализац", "hospitalizacij", "hastaneye yat", "haiglaravi", "hospitalizācij",
    # epilepsy, asthma, multiple sclerosis, Crohn's disease: a condition one lives with ("Jeg har
    # epilepsi, så ...", "mam astmę", "j'ai la sclérose en plaques")
    "epilep", "επιληψ", "епилеп", "эпилеп", "епілеп", "padaczk", "padúcnic", "padavic", "asthma", "asthme",
    "astma", "astmă", "asztm", "άσθμα", "астма", "asma", "multiple sclerosis", "multiple sklerose",
    "sclérose en plaques", "sclerosi multipla", "esclerosis múltiple", "esclerose múltipla",
    "multipele sclerose", "stwardnieni", "roztroušen", "sclerozã multiplă", "scleroză multiplă",
    "sclerozei multiple", "sclerosis multiplex", "multipla sklerosi", "multippel sklerose", "ms-tauti",
    "πολλαπλή σκλήρυνση", "множествена склероза", "multipla skleroza", "multipl skleroz", "crohn",
    # an aid one lives with
    "hearing aid", "hörgerät", "appareil auditif", "apparecchio acustico", "audífono", "aparelho auditivo",
    "gehoorapparaat", "aparat słuchowy", "aparatu słuchowego", "naslouchadl", "načúvac", "hallókészülék",
    "kuulolaite", "hörapparat", "høreapparat", "aparat auditiv", "ακουστικό βαρηκοΐας", "slušni aparat",
    "slušni aparat", "işitme cihaz", "kuuldeaparaat", "dzirdes aparāt", "klausos aparat", "guide dog",
    "blindenhund", "führhund", "chien guide", "chien d'aveugle", "cane guida", "perro guía", "cão-guia",
    "cão guia", "geleidehond", "pies przewodnik", "psa przewodnika", "vodicí pes", "vodiaci pes",
    "vakvezető kutya", "opaskoira", "ledarhund", "førerhund", "câine ghid", "σκύλο οδηγό", "σκύλος οδηγός",
    "pas vodič", "psa vodiča", "rehber köpek", "juhtkoer", "suns pavadonis", "šuo vedlys",
    # recovery, convalescence
    "lábadoz", "convalesc", "convalec", "rekonwalescenc", "rekonvalescen", "rekonvaleszcen", "toipilas",
    "toipumis", "sjukskriv", "sykmeld", "sygemeld",
)
#: a sick note: an illness in a short field with it is the writer's ("Krankmeldung – bis 3.6. raus
#: (Gürtelrose)", "sjukintyg till fredag (bältros)"); in a text, with somebody, told in passing too
SICK_NOTE_STEMS = (
    "krankmeldung", "krankschreibung", "arbeitsunfähig", "sick note", "ziekmelding", "arbeidsongeschikt",
    "neschopenk", "práceneschopn", "pracovní neschopnost", "arrêt de travail", "arrêt maladie",
    "certificato medico", "baja médica", "atestado médico", "zwolnienie lekarskie", "sjukintyg",
    "arbetsoförmög", "lægeerklæring", "sykemelding", "sairauslomatodistus", "concediu medical",
    "orvosi igazolás", "táppénz", "betegszabads", "práceneschopnosť", "bolovanje", "bolniška",
)
#: a treatment told in passing ("prosjektleder selv under cellegiftbehandling", "bin in Dialyse"): in a
#: short field alone (a note's), in a longer text with somebody in its sentence
PASSING_TREATMENT_STEMS = (
    "chemother", "chemokur", "chemokuur", "cellegift", "cellgift", "kemoterap", "chimioth", "chemioterap", "quimioterap", "chemoterap",
    "kemoterapi", "solunsalpaaj", "chimioterap", "χημειοθεραπ", "химиотерап", "hemoterap", "keemiaravi",
    "ķīmijterap", "dialys", "dialyz", "dialýz", "dializ", "diális", "dialis", "dialyys", "diyaliz",
    "αιμοκάθαρσ", "хемодиализ", "hämodialys", "hemodializ", "radiotherap", "radiothérap", "radioterap",
    "strahlentherap", "bestrahlung", "bestraling", "naświetla", "ozařov", "ožarov", "sugárkezel",
    "sädehoi", "strålbehandl", "strålebehandl", "ακτινοθεραπ", "лъчетерап", "radyoterap", "kiiritusravi",
    "staru terap", "spindulinė terap", "transplantation", "przeszczep", "transplantac", "transzplant",
)
#: the writer, said by a Hungarian word's ending or a case of "I" ("vár rám", "nekem", "nálam"), and
#: "self" after a role ("prosjektleder selv"): somebody in a sentence that tells an illness in passing
#: the writer going to or getting a treatment, said by the verb alone in the languages that drop the
#: pronoun ("Csütörtökönként kemoterápiára járok", "chodím na chemoterapii", "chodzę na chemioterapię",
#: "vado a fare la chemio", "voy a quimioterapia", "käyn sädehoidossa", "einu į chemoterapiją")
TREATMENT_FIRST_PERSON_VERBS = (
    "járok járom megyek kapok kezelnek chodím chodim docházím dojíždím jezdím podstupuji dostávám chodzę chodze "
    "jeżdżę jezdze przechodzę przyjmuję dostaję chodím chodievam podstupujem dostávam hodim grem idem dobivam "
    "primam prolazim vado faccio ricevo sto facendo inizio voy hago recibo empiezo vou faço recebo comecei "
    "começo fac merg primesc urmez käyn saan aloitan aloitin käin går får börjar gaar går får begynder "
    "begynner einu vaikštau gaunu pradedu eju saņemu sāku eju lähen käin saan alustan πηγαίνω κάνω ξεκινάω "
    "ходя започвам получавам gidiyorum alıyorum başlıyorum başladım"
)
PASSING_FIRST_PERSON = (
    "rám nekem nálam velem engem magam tőlem belém mnie mne mě mi mně mig mich mir moi selv själv selbst "
    # (the first person said by its verb: "uso un audífono", "porto un apparecchio", "używam wózka")
    "uso llevo utilizo porto utilizzo uzywam używam používám használok käytän använder bruger bruker folosesc "
    # (and by its verb of having: "mam cukrzycę typu 1", "tengo diabetes", "ho il diabete", "imam dijabetes")
    "mam mám tengo tenho ho imam имам έχω"
)
#: words that make a run of capitalised words the name of a public service, network or
#: infrastructure, not a person's ("Operations Portal", "Nederlandse Life Science Grid", "Rede
#: Nacional", "Réseau Pédagogique"): beside ``INSTITUTION_WORDS``, in EGI's languages
SERVICE_NAME_WORDS = (
    "grid grids portal portail portale portál portaal portaali portalen πύλη портал cloud clouds nube nuvem nuvola "
    "wolk chmura oblak felhő pilvi moln sky nor облак network networks netz netzwerk netzwerke réseau rete red rede "
    "netwerk sieć síť sieť hálózat hálózati verkko nätverk netværk nettverk δίκτυο мрежа mreža omrežje ağ ağı võrk "
    "tīkls tinklas rețea reţea retea service services servizio servizi servicio servicios serviço serviços dienst "
    "dienste diensten usługa usługi služba služby szolgáltatás palvelu tjänst tjeneste υπηρεσία услуга hizmet "
    "teenus pakalpojums paslauga serviciu platform platforms plattform plateforme piattaforma plataforma platforma "
    "platformă πλατφόρμα платформа platformu operations operation opérations operazioni operaciones operações "
    "betrieb infrastructure infrastructures infrastruktur infrastruttura infraestructura infraestrutura "
    "infrastructuur infrastruktura infrastruktúra infrastruktuur infrastruktūra infrastructură υποδομή "
    "инфраструктура altyapı initiative iniziativa iniciativa initiatief inicjatywa iniciativa project projekt projet "
    "progetto proyecto projeto projecte projekti projekt проект έργο proje science sciences wissenschaft "
    "wetenschap scienza ciencia ciência nauka věda veda tudomány tiede vetenskab videnskab vitenskap επιστήμη "
    "наука bilim teadus zinātne mokslas ştiinţă știință computing supercomputing datacenter helpdesk federation "
    "federación federação fédération federazione föderation federatie federacja"
).split()
#: a sense impairment or a learning disorder, told of oneself with a first person's "am" before it
#: ("ik ben slechthorend", "ich bin schwerhörig", "je suis sourde", "I'm deaf", "jestem głucha") or a
#: copula after it ("nagyothalló vagyok"): the stems of the words beginning a word (a word alone when
#: it is short: "blind", "döv"); with nobody's "am" ("subtitles for hard-of-hearing participants",
#: "a blind review"), a group's or a method's (h61)
SENSE_IMPAIRMENT_STEMS = (
    "hard of hearing", "hard-of-hearing", "deaf", "blind", "visually impaired", "hearing impaired", "dyslexic",
    "colour blind", "color blind", "colourblind", "colorblind",
    "schwerhörig", "gehörlos", "hörgeschädigt", "taub", "sehbehindert", "legasthen", "farbenblind",
    "malentendant", "malvoyant", "sourd", "aveugle", "non-voyant", "non voyant", "dyslexique", "daltonien",
    "ipovedent", "ipoudent", "non udente", "non vedente", "sordo", "sorda", "cieco", "cieca", "dislessic", "daltonic",
    "hipoacúsic", "ciego", "ciega", "disléxic", "surdo", "surda", "cego", "cega", "deficiente auditiv",
    "deficiente visual", "slechthorend", "slechtziend", "kleurenblind", "dyslectisch", "niedosłysz",
    "niesłysząc", "niewidom", "niedowidz", "głuch", "dyslektyk", "daltonist", "nedoslýchav", "neslyšíc",
    "nevidom", "slabozrak", "hluch", "dyslekti", "nepočujúc", "nevidiac", "nagyothall", "siket", "gyengénlát",
    "diszlexiás", "színvak", "huonokuuloi", "kuuro", "sokea", "heikkonäköi", "näkövammai", "kuulovammai",
    "hörselskadad", "döv", "synskadad", "hørehæmmet", "døv", "svagsynet", "ordblind", "hørselshemmet",
    "tunghørt", "svaksynt", "synshemmet", "hipoacuzic", "nevăzător", "surd", "κωφ", "τυφλ", "βαρήκο", "глух",
    "сляп", "незрящ", "nagluh", "gluh", "slijep", "slep", "slabovid", "işitme engelli", "görme engelli",
    "vaegkuulja", "vaegnägija", "pime", "nedzirdīg", "vājdzirdīg", "neredzīg", "neprigirdi",
    "kurči", "kurčia", "akla", "silpnareg",
)
#: the passing illnesses' stems (``PASSING_ILLNESS_STEMS``) of the languages that say "my" by the
#: word's ending (Turkish "diyabetim", "kanserim"; Finnish "syöpäni", "diabetekseni"): only these,
#: another language's word may end so ("kiegészíteni" begins as "kiégés")
POSSESSIVE_ENDING_STEMS = (
    "diyabet", "kanser", "depresyon", "migren", "çölyak", "hamile", "syöpä", "syövän", "diabet", "migreeni",
    "masennus", "flunssa", "keliakia", "keliaki", "vyöruusu", "sokeritauti", "influensa",
)
#: a trade union, its officers, a works or staff council, in EGI's languages: said of oneself or a named
#: person, their union membership, a special category of the GDPR ("je suis délégué syndical CGT",
#: "ich bin im Personalrat", "jestem w komisji zakładowej NSZZ", "είμαι μέλος του ΔΣ του σωματείου";
#: not "the union of European universities")
UNION_WORDS = (
    r"trade union|trade unions|labour union|labor union|union branch|union rep|union representative|union steward|"
    r"shop steward|union member|union membership|union committee|union official|union delegate|union officer|"
    r"works council|staff council|ucu|unison|gewerkschaft|gewerkschaften|gewerkschafter|gewerkschafterin|"
    r"gewerkschaftsmitglied|personalrat|personalrats|personalrates|betriebsrat|betriebsrats|betriebsrates|"
    r"vertrauensmann|vertrauensfrau|ver.di|ig metall|ögb|syndicat|syndicats|syndical|syndicale|syndiqué|syndiquée|"
    r"délégué du personnel|déléguée du personnel|comité social et économique|cgt|cfdt|snesup|snptes|unsa|"
    r"sindacato|sindacati|sindacale|sindacalista|rsu|cgil|cisl|uil|sindicato|sindicatos|sindical|sindicalista|"
    r"comité de empresa|junta de personal|ccoo|comisiones obreras|ugt|csif|sindicalizado|sindicalizada|"
    r"comissão de trabalhadores|fenprof|cgtp|vakbond|vakbonden|vakbondslid|ondernemingsraad|or-lid|fnv|"
    r"związek zawodowy|związku zawodowego|związkowiec|związkowczyni|nszz|komisja zakładowa|komisji zakładowej|"
    r"opzz|znp|odbory|odborů|odborech|odborová organizace|odborové organizace|odborové organizaci|odborář|"
    r"odborářka|odborová organizácia|odborovej organizácie|odborár|odborárka|odboroch|szakszervezet|"
    r"szakszervezeti|szakszervezetnek|szakszervezetben|üzemi tanács|közalkalmazotti tanács|sindicat|sindicatul|"
    r"sindicatului|sindicatului nostru|ammattiliitto|ammattiliiton|ammattiliittoon|luottamusmies|"
    r"luottamushenkilö|fackförbund|fackförbundet|facket|fackklubb|fackklubben|förtroendevald|fagforening|"
    r"fagforeningen|tillidsrepræsentant|tillidsmand|tillitsvalgt|forskerforbundet|σωματείο|σωματείου|"
    r"συνδικάτο|συνδικάτου|συνδικαλιστής|συνδικαλίστρια|синдикат|синдиката|синдикална|синдикалната|кнсб|"
    r"sindikat|sindikata|sindikatu|sindikalni povjerenik|sindikalna povjerenica|radničko vijeće|sindikalni zaupnik|"
    r"svet delavcev|sendika|sendikası|sendikaya|sendikalı|ametiühing|ametiühingu|usaldusisik|arodbiedrība|"
    r"arodbiedrības|arodbiedrībā|profsąjunga|profsąjungos|profsąjungoje"
)
#: a person's debts under enforcement, their garnished pay, their personal bankruptcy, in EGI's languages:
#: a special trouble told in passing ("PI ulosotossa", "ho lo stipendio pignorato", "mám exekuci na plat",
#: "komornik zajął mi pensję"); not a company's bankruptcy nor "garnish" in a kitchen
DEBT_ENFORCEMENT_WORDS = (
    r"wage garnishment|wages garnished|wages are garnished|wages are being garnished|garnished wages|"
    r"garnished salary|salary garnished|salary is garnished|salary is being garnished|garnished pay|pay garnished|"
    r"pay is garnished|garnishment order|garnishee order|attachment of earnings|"
    r"personal bankruptcy|personal insolvency|declared personally bankrupt|"
    r"pfändung|pfändungen|lohnpfändung|gehaltspfändung|kontopfändung|gepfändet|pfändungsbeschluss|"
    r"gerichtsvollzieher|privatinsolvenz|verbraucherinsolvenz|schuldnerberatung|"
    r"saisie sur salaire|saisie-attribution|saisie sur rémunération|salaire saisi|saisie-arrêt|"
    r"surendettement|dossier de surendettement|"
    r"pignorato|pignorata|pignoramento|pignoramento dello stipendio|ufficiale giudiziario|sovraindebitamento|"
    r"embargo de nómina|nómina embargada|sueldo embargado|salario embargado|me embargan|me han embargado|"
    r"embargado el sueldo|embargado el salario|embargo de sueldo|embargo del sueldo|"
    r"penhora|penhorado|penhorada|salário penhorado|penhora de salário|"
    r"loonbeslag|beslag op mijn loon|beslag op zijn loon|beslag op haar loon|deurwaarder|schuldsanering|wsnp|"
    r"komornik|komornika|komornikiem|komornicza|komornicze|egzekucja komornicza|zajęcie wynagrodzenia|"
    r"upadłość konsumencka|upadłości konsumenckiej|"
    r"exekuce|exekuci|exekucí|exekutor|exekutora|exekuční|oddlužení|osobní bankrot|"
    r"exekúcia|exekúciu|exekútor|exekútora|osobný bankrot|"
    r"bérletiltás|munkabér letiltás|végrehajtó|végrehajtót|adósságrendezés|"
    r"ulosotto|ulosotossa|ulosottoon|ulosoton|ulosotosta|ulosottomies|palkanulosotto|velkajärjestely|"
    r"velkajärjestelyssä|utmätning|utmätt|löneutmätning|kronofogden|skuldsanering|"
    r"lønindeholdelse|gældssanering|trekk i lønn|namsmannen|gjeldsordning|"
    r"poprire|poprire pe salariu|executor judecătoresc|executorul judecătoresc|"
    r"κατάσχεση μισθού|κατασχέθηκε ο μισθός|δικαστικός επιμελητής|"
    r"запор на заплатата|запор върху заплатата|частен съдебен изпълнител|"
    r"ovrha|ovrhu|ovrhe|ovršen|ovršena|izvršba|izvršbo|rubež|"
    r"maaşıma haciz|maaşına haciz|maaş haczi|icra takibi|icralık|"
    r"kohtutäitur|arestitud palk|tiesu izpildītājs|antstolis|antstoliai|antstolio|išieškojimas"
)
#: a person's criminal record, in EGI's languages ("má záznam v rejstříku trestů", "hat eine Vorstrafe",
#: "ha precedenti penali"): with a word before it that gives it to somebody (``CRIMINAL_RECORD_HAVERS``);
#: not the extract or the check a project asks of all its staff
CRIMINAL_RECORD_WORDS = (
    r"criminal record|criminal records|police record|prior conviction|prior convictions|previous conviction|"
    r"previous convictions|vorstrafe|vorstrafen|eintrag im führungszeugnis|eintrag im strafregister|"
    r"strafregistereintrag|casier judiciaire|casier chargé|antécédents judiciaires|condamnation antérieure|"
    r"precedenti penali|carichi pendenti|fedina penale sporca|antecedentes penales|antecedentes criminales|"
    r"antecedentes criminais|registo criminal|strafblad|strafbladen|justitiële documentatie|"
    r"wpis w rejestrze karnym|rejestrze karnym|rejestr karny|przeszłość kryminalną|przeszłość kryminalna|"
    r"rejstřík trestů|rejstříku trestů|záznam v rejstříku|záznam v trestním rejstříku|"
    r"register trestov|registri trestov|záznam v registri|büntetett előélet|büntetett előéletű|priusz|priuszos|"
    r"rikosrekisteri|rikosrekisterissä|rikosrekisterimerkintä|rikostausta|rikostaustaa|"
    r"brottsregister|brottsregistret|belastningsregistret|belastningsregister|straffeattest|"
    r"strafferegister|strafferegistret|plettet straffeattest|cazier judiciar|cazierul judiciar|cazier|"
    r"ποινικό μητρώο|ποινικό μητρώο του|съдимост|съдебно минало|kaznena evidencija|kaznenoj evidenciji|"
    r"kazenska evidenca|kazenski evidenci|sabıka kaydı|sabıka kaydını|sabıkası|sabıkalı|"
    r"karistusregister|karistusregistris|sodāmība|sodāmības|teistumas|teistumą|"
    # said only of a person: "he is vorbestraft", "è pregiudicato", "jest karany", "on probation"
    r"vorbestraft|pregiudicato|pregiudicata|karany|karana|karanego|karanej|trestaný|trestaná|"
    r"on probation|auf bewährung|en libertad condicional|in libertà vigilata|en liberté conditionnelle|"
    r"podmíněně odsouzen|podmíněně odsouzený|podmínečně odsouzen"
)
#: what gives the record to somebody, before it: "has", "hat eine", "má záznam", "ha", "tiene"
CRIMINAL_RECORD_HAVERS = (
    r"has|had|have|hat|hatte|habe|il a|elle a|j'ai|avait|ha|aveva|ho|tiene|tenía|tengo|tem|tinha|tenho|heeft|"
    r"heb|ma|miał|miała|mam|má|měl|měla|mám|mala|mal|van|volt|on|oli|har|hade|havde|hadde|avea|am|are|έχει|είχε|"
    r"έχω|има|имаше|имам|ima|imao|imala|imam|var|vardı|ir|bija|turi|"
    r"is|ist|bin|est|suis|è|sono|es|soy|é|sou|jest|jestem|je|jsem|was|war|byl|byla|bol|bola|er|är|είναι|е|съм|"
    r"olan|olduğu|oldugu|on ollut|oli ollut"
)
#: the words between the haver and the record: an article, a possessive, an entry's word ("has a",
#: "hat eine", "má záznam v", "ma wpis w")
CRIMINAL_RECORD_FILLERS = (
    r"a|an|one|the|his|her|their|some|ein|eine|einen|einer|seine|ihre|un|une|una|uno|unos|unas|um|uma|een|"
    r"záznam v|záznam ve|wpis w|zápis v|záznam v registri|záznam|wpis|bejegyzés a|merkintä|merkintä on|"
    r"a record in|an entry in|a previous|a prior|already|bereits|schon|già|già dei|dei|delle|des|déjà|ya|já|"
    r"już|již|už|már|jo|redan|allerede|deja|ήδη|вече|već|že|zaten|juba|jau|jau|dei precedenti|a clean|"
    r"no|keine|keinen|aucun|pas de|nessun|ningún|nenhum|geen|żadnego|žádný|žádný záznam v|nincs|ei|ingen|"
    r"niciun|κανένα|никаква|nikakav|hiç"
)
#: one's union membership told in one word or a fixed phrase, whose ending or verb says who ("sendikalıyım",
#: "sendika üyesi olduğum için", "należę do związku", "kuulun ammattiliittoon", "med i fagforeningen")
UNION_SELF_WORDS = (
    r"sendikalıyım|sendikalıyız|sendika üyesiyim|sendika üyesiyiz|sendika üyesi olduğum|sendika üyesi olduğumuz|"
    r"sendikaya üyeyim|sendikaya üye oldum|należę do związku|należę do związku zawodowego|należę do solidarności|"
    r"jsem v odborech|jsem členem odborů|jsem členkou odborů|som v odboroch|som členom odborov|"
    r"kuulun ammattiliittoon|kuulun liittoon|olen liiton jäsen|med i fagforeningen|medlem i fagforeningen|"
    r"medlem af fagforeningen|medlem av fagforeningen|med i facket|medlem i facket|"
    r"iscritto al sindacato|iscritta al sindacato|iscritto alla cgil|iscritta alla cgil|afiliado al sindicato|"
    r"afiliada al sindicato|filiado no sindicato|filiada no sindicato|"
    r"lid van de vakbond|lid van een vakbond|"
    r"adhérent du syndicat|adhérente du syndicat|szakszervezeti tag vagyok|"
    r"membru de sindicat|membru al sindicatului|μέλος του σωματείου|μέλος του συνδικάτου|член на синдиката|"
    r"член на синдикат|član sindikata|članica sindikata|ametiühingu liige|arodbiedrības biedrs|"
    r"profsąjungos narys|profsąjungos narė"
)
#: one's own strike, in the first person ("I'm on strike tomorrow", "ich streike", "je suis en grève",
#: "mamy strajk ostrzegawczy", "έχουμε στάση εργασίας"; not "the rail strike delayed the workshop")
OWN_STRIKES = (
    r"i'm on strike|i am on strike|i'll be on strike|i will be on strike|we are on strike|we're on strike|"
    r"we'll be on strike|i'm striking|i am striking|ich streike|wir streiken|ich bin im streik|"
    r"je suis en grève|je serai en grève|je fais grève|je ferai grève|nous sommes en grève|nous faisons grève|"
    r"sono in sciopero|sarò in sciopero|faccio sciopero|aderisco allo sciopero|siamo in sciopero|"
    r"estoy en huelga|estaré en huelga|hago huelga|estamos en huelga|estou em greve|estarei em greve|faço greve|"
    r"estamos em greve|ik staak|wij staken|we staken|ik ben in staking|strajkuję|strajkujemy|mamy strajk|"
    r"biorę udział w strajku|stávkuji|stávkujeme|stávkuju|štrajkujem|štrajkujeme|sztrájkolok|sztrájkolunk|"
    r"sunt în grevă|suntem în grevă|fac grevă|facem grevă|olen lakossa|olemme lakossa|jag strejkar|vi strejkar|"
    r"jeg strejker|vi strejker|jeg streiker|vi streiker|απεργώ|απεργούμε|έχουμε απεργία|έχουμε στάση εργασίας|"
    r"κάνουμε στάση εργασίας|стачкувам|стачкуваме|štrajkam|štrajkamo|stavkam|stavkamo|grevdeyim|grevdeyiz|"
    r"streigin|streigime|streikoju|streikuoju|streikojame|es streikoju"
)

# --- home addresses inside pasted structure (forms, JSON/YAML, calendar invitations, letters' blocks) ---

#: a web form's label for the street line of an address ("Straße: Mühlenweg 14b", "Rue : ...",
#: "Ulice:"), in EGI's languages (folded words of ``Text.words``; a label of one or two words)
FORM_STREET_LABELS = (
    "street|street address|address line 1|address 1|straße|strasse|str|straße und hausnummer|straße/nr|"
    "strasse/nr|anschrift|rue|adresse|voie|via|indirizzo|calle|dirección|direccion|domicilio|rua|morada|"
    "endereço|straat|straat en huisnummer|adres|ulica|ulice|ulica i numer|ulice a číslo|ulica a číslo|"
    "utca|cím|katu|katuosoite|gata|gatuadress|gade|vej|gate|gateadresse|strada|stradă|οδός|διεύθυνση|"
    "ulica i broj|ulica in hišna številka|улица|адрес|cadde|sokak|adres satırı|tänav|aadress|iela|adrese|"
    "gatvė|adresas"
)
#: a form's label for the postcode and the town, the next line ("PLZ/Ort:", "Postcode/City:", "CP /
#: Localité :", "PSČ a město:"): its words, any one of which makes the label one
FORM_TOWN_LABEL_WORDS = (
    "plz|ort|wohnort|postleitzahl|postcode|post code|postal code|zip|zip code|city|town|cp|code postal|"
    "localité|localite|ville|cap|città|citta|località|código postal|codigo postal|localidad|ciudad|"
    "población|localidade|cidade|postcode|woonplaats|plaats|kod pocztowy|kod|miejscowość|miasto|psč|"
    "obec|město|mesto|irányítószám|település|város|postinumero|postitoimipaikka|kaupunki|postnummer|"
    "postort|ort|by|postnr|sted|poststed|cod poștal|cod postal|localitate|oraș|oras|τκ|τ.κ.|πόλη|"
    "poštanski broj|grad|mjesto|poštna številka|kraj|пощенски код|град|населено място|posta kodu|şehir|"
    "sehir|il|postiindeks|linn|pasta indekss|pilsēta|pašto kodas|miestas"
)
#: a key of structured data (JSON, YAML) naming a person's address ("home_address", "privatadresse",
#: "adresse_domicile", "indirizzo_casa"): its qualifier words, folded (an organisation's bare "address"
#: key has none)
HOME_ADDRESS_KEY_WORDS = (
    "home|private|privat|personal|residential|residence|domicile|domicilio|wohn|heim|personnelle|casa|"
    "particular|residencial|thuis|huis|domowy|zamieszkania|bydliste|bydliska|lakcim|otthoni|koti|hem|"
    "hjem|domiciliu|ev|kodune|majas|namu"
)
#: a key naming a shipment's address ("shipping_address", "deliveryAddress", "lieferadresse",
#: "adresse_livraison"): a person's unless its value names an organisation
SHIPMENT_ADDRESS_KEY_WORDS = (
    "shipping|ship|delivery|deliver|mailing|postal|recipient|liefer|versand|zustell|livraison|expedition|"
    "spedizione|consegna|envio|entrega|bezorg|aflever|verzend|dostawy|wysylki|dorucovaci|szallitasi|"
    "toimitus|leverans|levering|livrare|expediere|dostava|dostavu|dostavo|teslimat|tarne|piegades|"
    "pristatymo|siuntimo"
)
#: a verb of sending, in a line that asks where to send something ("kam ho prosím poslat", "where
#: should I send it", "wohin soll ich es schicken"): stems, in EGI's languages
SEND_VERB_STEMS = (
    r"send|sent|mail it|post it|ship|deliver|schick|send|zusend|versend|liefer|envoy|expédi|expedi|livr|"
    r"invia|spedi|mand|envi|entreg|stuur|verzend|bezorg|wysł|wysy|prześl|przesył|posla|pošl|zasla|zasl|pošli|"
    r"küld|lähet|toimit|skick|skicka|sende|trimit|expedia|siųs|nusiųs|sūtī|nosūtī|saat|posla|pošalj|pošlj|"
    r"изпрат|στείλ|αποστείλ|gönder|yolla"
)
#: Baltic street words, after the street's name ("Žirmūnų g. 68-14", "Brīvības iela 144", "Tartu mnt
#: 18", "Pikk tn 5"): Lithuanian, Latvian, Estonian, with their abbreviations
BALTIC_STREET_WORDS = (
    r"g\.|gatvė|gatve|pr\.|prospektas|al\.|alėja|pl\.|aikštė|skg\.|skersgatvis|pl\.|plentas|kel\.|kelias|"
    r"iela|prospekts|bulv\.|bulvāris|gatve|šoseja|laukums|aleja|"
    r"tn|tn\.|tänav|mnt|mnt\.|maantee|pst|pst\.|puiestee|põik|tee|väljak"
)

#: a condition that names a clinic, a ward or one's appointments ("my HIV clinic appointments",
#: "meine Dialysetermine", "mes rendez-vous en oncologie", "le mie visite in psichiatria"): a stem
#: that begins its word (a compound's first part too, "Onkologietermin"); the short ones ("hiv",
#: "aids") as whole words only (``CARE_BY_CONDITION_WORDS``): "hive" is Apache's
CARE_BY_CONDITION_STEMS = (
    "oncolog", "onkolog", "oncológ", "onkológ", "ογκολογ", "онколог", "psychiatr", "psichiatr", "psiquiatr",
    "psykiatr", "pszichiát", "psihiatr", "ψυχιατρ", "психиатр", "psikiyatr", "fertility", "fertilit",
    "kinderwunsch", "vruchtbaarheid", "fertilidad", "fertilidade", "fertilità", "płodnoś", "hedelmällisyys",
    "rehab", "reha", "rehabilit", "riabilit", "réadapt", "réeducation", "revalidatie", "kuntoutu",
    "dialys", "dializ", "dialis", "dialýz", "diális", "διαλυσ", "диализ", "chemo", "chimio", "quimio",
    "kemo", "χημειο", "химио", "methadon", "metadon", "hiv", "vih", "aids", "sida", "hiv-",
)
CARE_BY_CONDITION_WORDS = "hiv vih aids sida hiv-positive reha ivf"
#: a clinic, a ward, an appointment or a session of care, after the condition or before it
CARE_VISIT_WORDS = (
    r"clinic|clinics|klinik|kliniken|ambulanz|poli|polikliniek|appointment|appointments|termin|termine|"
    r"rendez-vous|rdv|consultation|consultations|séance|séances|visita|visite|cita|citas|consulta|consultas|"
    r"seduta|sedute|sessione|sessioni|sesión|sesiones|sessão|sessões|session|sessions|afspraak|afspraken|"
    r"wizyta|wizyty|wizytę|wizyt|poradnia|poradni|kontrola|kontroly|kontrolu|vyšetření|vyšetrenie|ordinace|"
    r"rendelés|rendelésre|kezelés|kezelésre|vastaanotto|vastaanotolle|mottagning|mottagningen|besök|"
    r"ambulatorio|ambulatório|ραντεβού|преглед|прегледи|час|randevu|randevum|randevusu|vastuvõtt|vizīte|"
    r"vizitas|pregled|pregledi|ward|unit|treatment|treatments|behandlung|behandlungen|traitement|trattamento|"
    r"tratamiento|tratamento|behandeling|leczenie|léčba|terapie|therapy|kezel|hoito|behandling|tratament|"
    r"θεραπεία|лечение|liječenje|zdravljenje|tedavi|ravi|ārstēšana|gydymas"
)

#: Hebrew's words of health (its words take a prefix letter: "בחופשת מחלה", "הניתוח", "לבית החולים"):
#: a sick leave, a surgery, a hospital, a treatment of an illness, an illness by name
HEBREW_HEALTH_STEMS = (
    "חופשת מחלה", "חופשת המחלה", "ימי מחלה", "בית חולים", "בית החולים", "בית-חולים", "אשפוז",
    "מאושפז", "מאושפזת", "כימותרפיה", "טיפולי כימו", "דיאליזה", "סרטן", "התקף לב", "אוטם",
    "שבץ", "דמנציה", "אלצהיימר", "דיכאון", "סוכרת", "טיפול רפואי", "טיפולים רפואיים", "מחלה קשה",
    "מחלה כרונית", "היריון", "הריון",
    # a surgery ("ניתוח" is an analysis too: "ניתוח נתונים") after a word of time or of undergoing
    "אחרי ניתוח", "אחרי הניתוח", "לאחר ניתוח", "לאחר הניתוח", "בעקבות ניתוח", "בעקבות הניתוח", "עברתי ניתוח",
    "עבר ניתוח", "עברה ניתוח", "מחלים מניתוח", "מחלימה מניתוח",
)
#: somebody, in Hebrew: I, a relative, a colleague, a role (a word with its prefix letter too)
HEBREW_PERSON_WORDS = (
    "אני אנוכי שלי לי אצלי הוא היא אמי אבי אמא אבא אשתי בעלי בני בתי ילדי אחי אחותי סבתי סבי עמית עמיתה "
    "עמיתי עמיתתי המבקש המבקשת החוקר החוקרת המשתמש המשתמשת הסטודנט הסטודנטית הדוקטורנט הדוקטורנטית המנהל "
    "המנהלת"
)
#: a research topic's or an institution's words in Hebrew: "מחקר סרטן", "נתונים מבית החולים"
HEBREW_TOPIC_WORDS = "מחקר מחקרי המחקר פרויקט הפרויקט נתונים הנתונים מטופלים קוהורט מאגר ניסוי"



#: a stroke or a passing attack had by somebody, by its name or abbreviation (AVC, ictus, CVA, TIA), in
#: EGI's languages ("teve um AVC", "ha avuto un ictus", "hatte einen Schlaganfall", "miał udar"): a
#: person's health with a name or a role before it (``_had_a_stroke``); not "patients who had a stroke"
HAD_A_STROKE_WORDS = (
    r"(?:had|has had|suffered|has suffered) (?:a |an )?(?:stroke|mini-stroke|tia|cva|brain haemorrhage|brain hemorrhage)|"
    r"(?:hatte|hat|erlitt) einen (?:schlaganfall|hirninfarkt|hirnschlag)|"
    r"(?:hatte|hat) eine tia|"
    r"(?:a eu|a fait|avait eu|a subi) un (?:avc|accident vasculaire|ait)|"
    r"(?:ha avuto|ha subito|aveva avuto|ebbe) un (?:ictus|ischemia|tia)|(?:è stato|è stata) colpit[oa] da (?:un )?ictus|"
    r"(?:tuvo|ha tenido|sufrió|ha sufrido) un (?:ictus|acv|avc|derrame cerebral|accidente cerebrovascular|ait)|"
    r"(?:teve|sofreu|tinha tido|teve um) um (?:avc|acidente vascular|ait)|"
    r"(?:had|heeft|kreeg|kreeg een) een (?:beroerte|herseninfarct|tia|cva)|heeft een (?:beroerte|herseninfarct|tia|cva) gehad|"
    r"(?:miał|miała|przeszedł|przeszła|doznał|doznała) (?:udar|udaru|wylew|wylewu|mikroudar)|"
    r"(?:měl|měla|prodělal|prodělala|dostal|dostala) (?:mrtvici|mozkovou příhodu|cmp|iktus)|"
    r"(?:mal|mala|prekonal|prekonala|dostal|dostala) (?:porážku|mozgovú príhodu|cmp)|"
    r"(?:agyvérzést|stroke-ot|sztrókot|agyi infarktust) (?:kapott|szenvedett)|"
    r"(?:sai|on saanut|oli saanut) (?:aivoinfarktin|aivoverenvuodon|aivohalvauksen|tia-kohtauksen)|"
    r"(?:fick|har fått|hade fått|fikk|har fått|fik|har fået) (?:en )?(?:stroke|stroke|hjerneslag|slagtilfælde|blodpropp i hjärnan|blodprop i hjernen|tia)|"
    r"(?:a suferit|a făcut|a avut) un (?:avc|accident vascular)|"
    r"(?:έπαθε|υπέστη|είχε) (?:εγκεφαλικό|αγγειακό εγκεφαλικό)|"
    r"(?:получи|получил|получила|прекара|претърпя) (?:инсулт|мозъчен инсулт)|"
    r"(?:dobio|dobila|doživio|doživjela|imao|imala) (?:moždani udar|moždanu kap|tia)|"
    r"(?:doživel|doživela|dobil|dobila|imel|imela) (?:možgansko kap|možgansko kap)|"
    r"(?:inme|felç|beyin kanaması) geçirdi|"
    r"(?:sai|sai insuldi|on saanud) (?:insuldi|insult)|(?:pārcieta|pārcietusi|pārcietis) insultu|"
    r"(?:patyrė|ištiko) (?:insultą|insultas)|"
    # multiple sclerosis, by its abbreviation or its name, that somebody has ("Piet heeft MS", "ha la SM")
    r"(?:has|had|hat|heeft|har|havde|hadde) ms|ha la sm|ha la sla|"
    r"(?:has|hat|heeft|har|ha|ha la|tiene|tem|a|a une|ma|má|mă|on) (?:multiple sclerosis|multiple sklerose|"
    r"multiple sclerose|multipel sklerose|multipel skleros|sclerosi multipla|esclerosis múltiple|esclerose múltipla|"
    r"sclérose en plaques|stwardnienie rozsiane|roztroušenou sklerózu|sclerozǎ multiplă|ms-taudin|ms-tauti)"
)
#: a stay in rehabilitation said of somebody, in the languages not yet in ``HEALTH_PHRASES``
REHABILITATION_WORDS = (
    r"em reabilitação|está em reabilitação|na reabilitação|in revalidatie|revalideert|en rehabilitation|"
    r"en réadaptation|na rehabilitaci|na rehabilitácii|rehabilitáción van|kuntoutuksessa|på rehabilitering|"
    r"i genoptræning|på rehabilitering|în recuperare|la recuperare|σε αποκατάσταση|на рехабилитация|"
    r"na rehabilitaciji|rehabilitasyonda|taastusravil|rehabilitācijā|reabilitacijoje"
)
#: a person's grade average with its number after it ("not ortalaması 2,1", "Notendurchschnitt von 3,4",
#: "media dei voti di 21", "GPA of 2.1"), in EGI's languages
GRADE_AVERAGE_WORDS = (
    r"grade point average|gpa|grade average|average grade|average mark|notendurchschnitt|durchschnittsnote|"
    r"notenschnitt|moyenne générale|moyenne des notes|media dei voti|media ponderata|media voti|nota media|"
    r"media de notas|média das notas|média final|média de curso|cijfergemiddelde|gemiddeld cijfer|"
    r"średnia ocen|średnią ocen|średnia z ocen|průměr známek|studijní průměr|vážený studijní průměr|"
    r"priemer známok|študijný priemer|tanulmányi átlag|tanulmányi átlaga|ösztöndíjindex|"
    r"opintojen keskiarvo|arvosanojen keskiarvo|medelbetyg|betygssnitt|karaktersnit|karaktersnitt|"
    r"media generală|media notelor|μέσος όρος βαθμολογίας|μέσο όρο βαθμολογίας|среден успех|"
    r"prosjek ocjena|prosječna ocjena|povprečna ocena|povprečje ocen|not ortalaması|genel not ortalaması|"
    r"ağırlıklı not ortalaması|agno|keskmine hinne|kaalutud keskmine hinne|vidējā atzīme|vidējais vērtējums|"
    r"pažymių vidurkis|svertinis vidurkis"
)
#: failed exams or courses, of a person ("failed two exams", "iki dersten kaldı", "ist durchgefallen")
FAILED_EXAM_WORDS = (
    r"failed (?:two|three|four|several|all|his|her|the|\d) (?:exams?|courses?|modules?|subjects?)|failed (?:his|her|the) exams?|"
    r"durch (?:zwei|drei|die|mehrere) prüfungen gefallen|durchgefallen|"
    r"a échoué (?:à|aux) (?:deux |trois |plusieurs |ses )?(?:examens?|partiels?)|recalé|recalée|"
    r"bocciat[oa] (?:a|in) (?:due|tre|diversi) esami|è stat[oa] bocciat[oa]|non ha superato (?:due|tre|diversi|gli) esami|"
    r"suspendió (?:dos|tres|varias) asignaturas|ha suspendido (?:dos|tres|varias)|"
    r"reprovou (?:em|a) (?:duas|três|várias)|chumbou (?:a|em) (?:duas|três|várias)|"
    r"is gezakt|gezakt voor|zakte voor|oblał (?:dwa|trzy|kilka) egzaminy|oblała (?:dwa|trzy|kilka) egzaminy|"
    r"nesložil (?:dvě|tři|několik) zkoušky|nesložila (?:dvě|tři|několik) zkoušky|neurobil (?:dve|tri) skúšky|"
    r"megbukott|nem tette le|hylättiin|kuggad på|dumpede|strøk på|a picat (?:două|trei) examene|"
    r"κόπηκε σε|скъсан на|скъсана на|pao (?:dva|tri) ispita|pala (?:dva|tri) ispita|padel (?:dva|tri) izpita|"
    r"(?:iki|üç|birkaç) dersten kaldı|dersten kaldı|sınıfta kaldı|kukkus läbi|neizturēja (?:divus|trīs) eksāmenus|"
    r"neišlaikė (?:dviejų|trijų) egzaminų"
)
#: a scholarship or a stipend cut, withdrawn or lost, of a person ("bursu kesildi", "her scholarship was
#: withdrawn", "ihm wurde das Stipendium entzogen", "ha perso la borsa di studio")
SCHOLARSHIP_CUT_WORDS = (
    r"bursu kesildi|bursunu kaybetti|bursu iptal edildi|"
    r"(?:his|her|their) (?:scholarship|stipend|bursary|grant) (?:was|has been|got|will be) (?:cut|withdrawn|revoked|cancelled|canceled|stopped|suspended|terminated)|"
    r"lost (?:his|her|their) (?:scholarship|stipend|bursary)|"
    r"stipendium (?:wurde|wird) (?:gestrichen|entzogen|gekürzt|eingestellt)|(?:das|sein|ihr) stipendium verloren|stipendium entzogen|"
    r"(?:sa|la) bourse (?:a été|lui a été) (?:supprimée|retirée|suspendue|coupée)|perdu sa bourse|"
    r"(?:perso|persa) la borsa(?: di studio)?|borsa(?: di studio)? (?:gli|le) è stata (?:revocata|tolta|sospesa)|"
    r"perdió (?:la|su) beca|(?:le|se le) (?:retiraron|quitaron|suspendieron) la beca|"
    r"perdeu a bolsa|(?:a|sua) bolsa (?:foi|lhe foi) (?:cortada|retirada|suspensa|cancelada)|"
    r"beurs (?:is|werd) (?:ingetrokken|stopgezet)|zijn beurs kwijt|haar beurs kwijt|"
    r"stracił stypendium|straciła stypendium|stypendium (?:zostało|mu|jej) (?:odebrane|cofnięte|wstrzymane)|"
    r"přišel o stipendium|přišla o stipendium|stipendium (?:mu|jí) (?:bylo )?(?:odebráno|zrušeno)|"
    r"prišiel o štipendium|prišla o štipendium|ösztöndíját (?:megvonták|elvesztette|felfüggesztették)|"
    r"menetti apurahansa|apuraha (?:peruttiin|lakkautettiin)|förlorade sitt stipendium|mistede sit stipendium|"
    r"mistet stipendet|a pierdut bursa|bursa (?:i-a|îi) (?:fost )?(?:tăiată|retrasă|suspendată)|"
    r"έχασε την υποτροφία|загуби стипендията|izgubio stipendiju|izgubila stipendiju|izgubil štipendijo|"
    r"izgubila štipendijo|kaotas stipendiumi|zaudēja stipendiju|neteko stipendijos"
)
#: a scholarship's or a stipend's word, a stem that begins a word and its compounds and cases
#: ("ösztöndíjból", "Stipendiums", "bursu"): with an amount, a period or gross and a person, one's pay
STIPEND_STEMS = (
    "stipend", "scholarship", "bursary", "fellowship", "stipendi", "stypendi", "štipendi", "ösztöndíj",
    "apurah", "υποτροφ", "стипенди"
)
#: the same words that are short, whole (a stem "beca" begins "because", "burs" "burst")
STIPEND_WORDS = (
    "beca becas bolsa bolsas borsa borse bourse bourses beurs beurzen burs bursu bursa bursum bursun bursunu "
    "bursuna bursundan bursă bursei bursa"
)
#: a conviction or a sentence for an offence, in EGI's languages ("veroordeeld voor fraude", "convicted of
#: fraud", "verurteilt wegen Betrugs", "condannato per truffa"): with a person before it
CONVICTION_WORDS = (
    r"convicted of|convicted for|sentenced to|sentenced for|found guilty of|pleaded guilty to|"
    r"verurteilt wegen|verurteilt worden wegen|verurteilt zu|rechtskräftig verurteilt|"
    r"condamné pour|condamnée pour|condamné à (?:\d|un|une|deux|trois) |condamnée à (?:\d|un|une|deux|trois) |reconnu coupable|reconnue coupable|"
    r"condannato per|condannata per|condannato a (?:\d|un|una|due|tre)|condannata a (?:\d|un|una|due|tre)|"
    r"condenado por|condenada por|condenado a (?:\d|un|una|dos|tres)|condenada a (?:\d|un|una|dos|tres)|"
    r"condenado a (?:\d|um|uma|dois|três)|condenada a (?:\d|um|uma|duas|três)|"
    r"veroordeeld voor|veroordeeld tot|veroordeeld wegens|"
    # the verb last, its offence or sentence before it ("wegen Betrugs verurteilt", "voor fraude veroordeeld")
    r"(?:wegen|zu)(?: [^\W\d_]+){1,3} verurteilt|(?:voor|tot|wegens)(?: [^\W\d_]+){1,3} veroordeeld|"
    r"skazany za|skazana za|skazany na|skazana na|odsouzen za|odsouzena za|odsouzen k|odsouzena k|"
    r"odsúdený za|odsúdená za|odsúdili za|elítélték|el lett ítélve|börtönre ítélték|"
    r"tuomittiin|tuomittu|dömd för|dömdes för|dömd till|dømt for|dømt til|blev dømt|ble dømt|"
    r"condamnat pentru|condamnată pentru|condamnat la|condamnată la|καταδικάστηκε|καταδικασμένος|καταδικασμένη|"
    r"осъден за|осъдена за|осъден на|осъдена на|osuđen za|osuđena za|osuđen na|osuđena na|"
    r"obsojen za|obsojena za|obsojen na|obsojena na|mahkum edildi|hüküm giydi|ceza aldı|"
    r"süüdi mõistetud|süüdi mõisteti|notiesāts par|notiesāta par|nuteistas už|nuteista už"
)
#: a court's subject that is no person: a news item about a firm's or an institution's case
CONVICTED_BODY_WORDS = (
    "company companies firm corporation bank group unternehmen konzern firma gesellschaft société entreprise "
    "azienda società empresa compañía companhia bedrijf onderneming spółka firma společnost spoločnosť cég "
    "vállalat yhtiö yritys företaget bolaget selskabet selskapet compania societatea εταιρεία компания "
    "компанията tvrtka poduzeće podjetje şirket şirketi ettevõte uzņēmums įmonė bendrovė manufacturer "
    "publisher provider vendor operator"
)
#: a person telling a date, in the sentences after a form's birth field: "He says it's 2 June 1986",
#: "sie sagt, es ist der ...", "il dit que c'est le ...", "říká, že je to ...", "hers is", "his is" (h74)
SAID_DATE_WORDS = (
    r"says|said|say|tells|told|tell|claims|claimed|confirms|confirmed|writes|wrote|his is|hers is|her dob|his dob|"
    r"his real|her real|his actual|her actual|it should be|should read|the real one|the right one|the correct one|"
    r"sagt|sagte|meint|schreibt|schrieb|bestätigt|seins ist|ihres ist|richtig wäre|richtig ist|"
    r"disait|écrit|confirme|la sienne|la vraie|dice|ha detto|scrive|conferma|la sua è|quella giusta|"
    r"dijo|escribe|confirma|la suya es|la correcta es|diz|disse|escreveu|a dele é|a dela é|a correta é|"
    r"zegt|zei|schrijft|bevestigt|de zijne|de hare|de juiste is|mówi|powiedział|powiedziała|pisze|jego to|jej to|"
    r"poprawna to|říká|řekl|řekla|píše|potvrdil|potvrdila|jeho je|její je|správně je|správné je|hovorí|povedal|povedala|"
    r"správny je|azt mondja|mondta|írja|az övé|a helyes|sanoo|sanoi|kirjoittaa|hänen on|oikea on|säger|sa att|"
    r"skriver|hans är|hennes är|rätt är|siger|sagde|hans er|hendes er|det rigtige er|sier|sa at|riktig er|"
    r"λέει|είπε|γράφει|η σωστή είναι|kaže|rekao|rekla|piše|njegov je|njen je|točan je|pravi|pravilen je|"
    r"казва|каза|пише|неговата е|нейната е|правилната е|söylüyor|dedi|yazıyor|doğrusu|ütleb|ütles|kirjutab|õige on|"
    r"saka|teica|raksta|pareizais ir|sako|sakė|rašo|teisinga yra|spune|a spus|scrie|corect este"
)
#: a flat or a home said after an address that has no street word, in its sentence or on the next quoted
#: line: "... 602 00 Brno-Veveří,\n> je to byt kolegyně, bude doma od 14h" (h74)
HOME_AFTER_WORDS = (
    r"my flat|her flat|his flat|their flat|our flat|apartment|my home|her home|his home|their home|at home|be home|"
    r"wohnung|zu hause|zuhause|daheim|appartement|à la maison|chez elle|chez lui|appartamento|a casa|in casa|"
    r"piso|en casa|apartamento|em casa|woning|thuis|mieszkanie|mieszkaniu|w domu|byt|bytu|bytě|doma|domů|"
    r"v byte|lakás|lakásom|lakása|otthon|asunto|asunnolla|kotona|lägenhet|lägenheten|hemma|lejlighed|lejligheden|"
    r"hjemme|leilighet|leiligheten|διαμέρισμα|σπίτι|kod kuće|doma|stanovanje|апартамент|вкъщи|daire|evde|"
    r"korter|korteris|kodus|dzīvoklis|mājās|butas|namuose|apartament|acasă"
)


#: a program's words for a setting's key it lacks or rejects, before "key" ("missing required key:",
#: "unbekannter Schlüssel:"): the value after it is the key's name, not a secret (``secrets``)
SCHEMA_KEY_BEFORE_WORDS = (
    "missing|required|mandatory|unknown|unexpected|invalid|undefined|duplicate|duplicated|unrecognized|"
    "unrecognised|unsupported|deprecated|unused|extra|additional|no such|config|configuration|yaml|json|toml|"
    "dict|map|mapping|fehlender|fehlende|unbekannter|unbekannte|erforderlicher|ungültiger|pflicht"
)
#: ... and after the key's word, as the Romance languages and Turkish put it ("clé requise manquante :")
SCHEMA_KEY_AFTER_WORDS = (
    "manquante|manquant|requise|requis|inconnue|inconnu|invalide|obligatoire|mancante|obbligatoria|"
    "obbligatorio|sconosciuta|sconosciuto|non valida|faltante|requerida|requerido|desconocida|desconocido|"
    "obligatoria|obrigatória|ausente|desconhecida|lipsă|necunoscută|obligatorie|eksik|bilinmeyen"
)
#: a web page's legal notice, where an organisation publishes its own number ("steht im Impressum:")
LEGAL_NOTICE_WORDS = (
    "impressum|imprint|legal notice|mentions légales|note legali|aviso legal|colofon|stopka redakcyjna|"
    "tiráž|impresszum"
)
#: the word for a meeting's id or number ("webinar ID", "numéro de la réunion", "číslo schůzky")
MEETING_ID_NUMBER_WORDS = (
    "id|number|nummer|numéro|número|numer|číslo|kennung|identifiant|identificativo|identificador|"
    "azonosító|tunnus|identifikator|identifikační číslo"
)
