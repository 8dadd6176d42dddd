"""The bundled sample queue and deterministic synthetic queues, in the raw queue format.

* ``make_sample()`` is the demo and test queue: 62 invented communities with every edge case
  the later stages must handle: all eight implementation statuses, long, empty and HTML bodies,
  Greek, Polish and Chinese text, status histories that skip steps or move backwards, private
  material screening must drop, and planted secrets in public text (``planted_items()``).
  Every visible name in it reads like a real community's: the hostile strings (markup, template
  syntax, script links) live in the tests' own fixture (tests/support/hostile.py).
* ``make_queue(n, seed)`` is a clean queue of any size for benchmarks (~4 KB of public text a
  case, no secrets, no comments).

Everything is invented: people, projects, sites, and only reserved example domains. Dates are
fixed, never read from the clock; randomness comes only from ``random.Random(seed)``, so the
same arguments give byte-identical JSON. Regenerate the committed sample with
``python -m devtools.synthetic``.
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import random
import time
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from itertools import count, pairwise
from pathlib import Path
from typing import Any

from generator.config import DEFAULT_FIELDS, Config
from generator.model import ImplementationStatus as S
from generator.model import PublishedField, published_fields
from generator.rt.records import RAW_FORMAT
from generator.rt.source import sample_path

SAMPLE_PATH = sample_path()
FETCHED_AT = "2026-11-20T03:00:00Z"
RT_WEB_URL = "https://rt.example.org"
QUEUE = Config().queue
SAMPLE_SEED = 20151001
DAY = 86400

# The queue's custom fields and their RT ids; "Internal priority" is one screening must not know.
_F = DEFAULT_FIELDS
STATUS_CF, DISCIPLINE_CF, VO_CF = _F["implementation_status"], _F["disciplines"], _F["virtual_organisations"]
SITES_CF, CONTACTS_CF, LINKS_CF = _F["sites"], _F["external_contacts"], _F["links"]
PRIORITY_CF = "Internal priority"
CF_IDS = {STATUS_CF: 2, DISCIPLINE_CF: 3, VO_CF: 4, SITES_CF: 5, CONTACTS_CF: 6, LINKS_CF: 7, PRIORITY_CF: 8}


def drawn_fields() -> tuple[PublishedField, ...]:
    """The custom fields of the field table (read when called) with no hand-written values here:
    each case of the sample draws from the field's examples, so a new published field reaches
    the sample with no edit of this module."""
    return tuple(f for f in published_fields() if f.examples and f.name in _F and _F[f.name] not in CF_IDS)


# --- Tables ---------------------------------------------------------------------------------

DISCIPLINES = {
    "astro": "Natural Sciences / Physical sciences / Astronomy",
    "hep": "Natural Sciences / Physical sciences / High energy physics",
    "nucl": "Natural Sciences / Physical sciences / Nuclear physics",
    "cond": "Natural Sciences / Physical sciences / Condensed matter physics",
    "seis": "Natural Sciences / Earth and related environmental sciences / Seismology",
    "volc": "Natural Sciences / Earth and related environmental sciences / Volcanology",
    "clim": "Natural Sciences / Earth and related environmental sciences / Climatology",
    "ocean": "Natural Sciences / Earth and related environmental sciences / Oceanography",
    "hydro": "Natural Sciences / Earth and related environmental sciences / Hydrology",
    "bioinf": "Natural Sciences / Biological sciences / Bioinformatics",
    "struct": "Natural Sciences / Biological sciences / Structural biology",
    "eco": "Natural Sciences / Biological sciences / Ecology",
    "chem": "Natural Sciences / Chemical sciences / Computational chemistry",
    "cs": "Natural Sciences / Computer and information sciences",
    "math": "Natural Sciences / Mathematics",
    "med": "Medical and Health Sciences / Basic medicine",
    "neuro": "Medical and Health Sciences / Basic medicine / Neurosciences",
    "radio": "Medical and Health Sciences / Clinical medicine / Radiology",
    "epi": "Medical and Health Sciences / Health sciences / Epidemiology",
    "civil": "Engineering and Technology / Civil engineering",
    "enveng": "Engineering and Technology / Environmental engineering",
    "mat": "Engineering and Technology / Materials engineering",
    "mech": "Engineering and Technology / Mechanical engineering",
    "elec": "Engineering and Technology / Electrical and electronic engineering",
    "agri": "Agricultural Sciences / Agriculture and forestry",
    "animal": "Agricultural Sciences / Animal and dairy science",
    "fish": "Agricultural Sciences / Fisheries",
    "econ": "Social Sciences / Economics and business",
    "socio": "Social Sciences / Sociology",
    "media": "Social Sciences / Media and communications",
    "lang": "Humanities / Languages and literature",
    "hist": "Humanities / History and archaeology",
    "arts": "Humanities / Arts",
    "phil": "Humanities / Philosophy and ethics",
}

#: RT login -> (RT user id, RealName, e-mail). Support staff are public by their RealName only.
STAFF = {
    "agnes": (22, "Agnes Exampleton", "agnes@support.example.org"),
    "bruno": (23, "Bruno Esempio", "bruno@support.example.org"),
    "dimitra": (24, "Δήμητρα Παραδειγματική", "dimitra@support.example.org"),
    "elzbieta": (25, "Elżbieta Przykładowa", "elzbieta@support.example.org"),
    "femi": (26, "Femi Testwell", "femi@support.example.org"),
}
NOBODY = (6, "Nobody in particular", "")

SITES = (
    "EXAMPLE-SITE-CZ", "EXAMPLE-SITE-PL", "EXAMPLE-SITE-GR", "EXAMPLE-SITE-IT", "EXAMPLE-SITE-DE",
    "EXAMPLE-SITE-ES", "EXAMPLE-SITE-FR", "EXAMPLE-SITE-NL", "EXAMPLE-SITE-PT", "EXAMPLE-SITE-HU",
    "EXAMPLE-SITE-SK", "EXAMPLE-SITE-SE", "EXAMPLE-CLOUD-IT", "EXAMPLE-CLOUD-DE",
)
COUNTRIES = (
    "Czechia", "Poland", "Greece", "Italy", "Germany", "Spain", "France", "the Netherlands",
    "Portugal", "Hungary", "Slovakia", "Sweden", "Croatia", "Ireland", "Bulgaria", "Slovenia",
)
FIRST_NAMES = (
    "Aino", "Bram", "Carla", "Dorian", "Elif", "Fenna", "Goran", "Hedda", "Ivo", "Jana", "Kasper",
    "Lena", "Mirko", "Nora", "Oskar", "Petra", "Quirin", "Rosa", "Sven", "Tereza",
)
LAST_NAMES = (
    "Ashdown", "Brightwater", "Castellane", "Dunmore", "Eskeland", "Fairholm", "Greyling",
    "Hollowell", "Ivarsson-Test", "Jarrowby", "Kestrelton", "Lindhaven", "Marlowe-Demo", "Norbeck",
)
AFFILIATIONS = (
    "University of Example", "Example Institute of Technology", "Institute for Example Research",
    "Uniwersytet Przykładowy w Łodzi", "Πανεπιστήμιο Παραδείγματος", "示例大学", "Example Data Centre",
)
ROLES = ("PI", "data manager", "technical contact", "project coordinator")

_FLOW = [S.PRE_ASSESSMENT, S.ASSESSED, S.PREPARATORY, S.TEST_INTEGRATION, S.PRE_PRODUCTION, S.PRODUCTION]
_RANK = {status: status.order for status in S}

#: final status -> window of creation dates (older cases are further along, as in the real queue)
_CREATED = {
    S.PRE_ASSESSMENT: ("2025-03-01", "2026-11-12"), S.ASSESSED: ("2023-06-01", "2026-09-30"),
    S.PREPARATORY: ("2022-01-01", "2026-05-31"), S.TEST_INTEGRATION: ("2020-06-01", "2026-02-28"),
    S.PRE_PRODUCTION: ("2019-06-01", "2025-10-31"), S.PRODUCTION: ("2015-09-01", "2025-06-30"),
    S.CLOSED: ("2015-09-01", "2025-09-30"), S.CANCELLED: ("2015-09-01", "2025-09-30"),
    None: ("2015-04-01", "2015-06-30"),  # before the queue had an implementation status
}

P_A, A, PREP, TI, PP, PROD = _FLOW
CLOSED, CANC = S.CLOSED, S.CANCELLED

#: (name, subject descriptor, discipline keys, final status, topic, goal, main tool)
COMMUNITIES = [
    ("LUMEN-Sky", "optical transient survey pipeline", "astro", PROD,
     "fast optical transients such as supernovae and tidal disruption events",
     "run its nightly image-subtraction pipeline on shared compute resources", "a Python image-subtraction pipeline"),
    ("HEPscan Open Data", "reprocessing of archived collision data", "hep", PROD,
     "re-analysis of archived collider data released as open data",
     "reprocess ten years of open collision data with current calibrations", "ROOT-based analysis code"),
    ("Baltic Sediment Archive", "core scans and metadata catalogue", "ocean hist", PREP,
     "sediment cores from the Baltic Sea floor and what they record about past climate",
     "publish its core scans with a searchable metadata catalogue", "a PostgreSQL catalogue and Python notebooks"),
    ("ΕΛΣΕΔ", "Ελληνικό Δίκτυο Σεισμικών Δεδομένων", "seis", TI,
     "continuous seismic waveforms from 140 stations", "archive waveforms and estimate magnitudes in near real time",
     "SeisComP-style processing modules"),
    ("NeuroAtlas Łódź", "Pracownia Obrazowania Mózgu", "neuro radio", PP,
     "white-matter changes after stroke seen in MRI", "store and process pseudonymised MRI data",
     "FSL-style image-processing containers"),
    ("示例大学高能物理研究中心", "detector simulation campaign", "hep nucl", A,
     "detector response simulation for a future tracking detector",
     "run a large Monte Carlo simulation campaign with European partners", "Geant4-based simulation code"),
    ("CLIMADAPT", "regional climate downscaling", "clim", PROD,
     "regional climate projections for adaptation planning in river basins",
     "run a downscaling ensemble for twelve European regions", "a regional weather and climate model"),
    ("OpenEpi Europe", "surveillance dashboards", "epi", P_A,
     "near-real-time surveillance of seasonal respiratory infections",
     "host dashboards and nightly model runs for public health partners", "R scripts and web dashboards"),
    ("ProteoFold", "structure prediction at scale", "struct bioinf", TI,
     "protein structures of under-studied organisms",
     "run deep-learning structure prediction on GPUs for about forty thousand sequences",
     "deep-learning structure prediction in containers"),
    ("VINEYARD-OBS", "vine disease forecasting", "agri clim", CANC,
     "early warning of fungal diseases in vineyards from weather data",
     "run daily disease forecasts for partner wine regions", "a Java forecasting model"),
    ("Lingua Corpora Network", "shared corpus processing", "lang", PROD,
     "large annotated text corpora in twenty European languages",
     "process and index its corpora on shared infrastructure", "a Nextflow pipeline around language-analysis tools"),
    ("ArchaeoScan", "3D excavation records", "hist arts", PREP,
     "3D recording of archaeological excavations",
     "store and share photogrammetry models of excavation sites", "photogrammetry software and a web viewer"),
    ("MatGen", "high-throughput alloy screening", "mat cond", PP,
     "high-entropy alloys for high-temperature use",
     "run density-functional screening of ten thousand candidate compositions",
     "a DFT code driven by a workflow manager"),
    ("Coastal Flood Twin", "digital twin of estuary flooding", "civil ocean hydro", TI,
     "storm surges and coastal flooding in estuaries",
     "couple ocean and river models in a digital twin", "coupled ocean and river models"),
    ("SmallLab Cryo-EM", "image processing for small labs", "struct", CLOSED,
     "cryo-electron microscopy of membrane proteins",
     "get GPU time for image processing for labs without their own cluster", "GPU image-processing suites"),
    ("EconPanel", "secure microdata analysis", "econ", CANC,
     "household panel microdata on income and work",
     "analyse household microdata in a secure environment", "Stata and R"),
    ("UrbanAir", "low-cost sensor analytics", "enveng", A,
     "urban air quality measured by low-cost sensors",
     "calibrate and analyse data from two thousand sensors", "Python and a time-series database"),
    ("DeepSoil", "soil microbiome metagenomics", "eco bioinf", PROD,
     "microbial communities in agricultural soils",
     "assemble and annotate metagenomes from four hundred soil samples", "Snakemake workflows"),
    ("GRAVI-Wave Alerts", "low-latency follow-up", "astro hep", PP,
     "electromagnetic counterparts of gravitational-wave events",
     "run low-latency sky-localisation and follow-up planning", "Python services with a message broker"),
    ("Polar Ice Core Consortium", "isotope record analysis", "clim", PROD,
     "isotope records in deep ice cores", "share and analyse ice-core measurements across labs",
     "R and Julia notebooks"),
    ("MedImg-FL", "federated learning on medical images", "radio cs", PREP,
     "machine learning on chest CT images held by several hospitals",
     "train models without moving images out of the hospitals", "a federated-learning framework"),
    ("Zespół Chemii Obliczeniowej", "obliczenia kwantowo-chemiczne", "chem", PROD,
     "reaction mechanisms of transition-metal catalysts",
     "run quantum-chemistry calculations beyond the capacity of the department cluster", "quantum-chemistry packages"),
    ("Ψηφιακά Χειρόγραφα Αιγαίου", "Digital Manuscripts of the Aegean", "lang hist", A,
     "Byzantine and post-Byzantine manuscripts from island monasteries",
     "run handwriting recognition on eighty thousand page images", "handwriting-recognition models"),
    ("HydroAlp", "snow hydrology ensemble", "hydro", CLOSED,
     "snow cover and melt in Alpine catchments", "run a daily ensemble of snow models", "a snow-model ensemble"),
    ("Sociolab Survey Archive", "harmonised survey data", "socio", P_A,
     "harmonised social surveys from twelve countries",
     "offer researchers a shared analysis environment next to the data", "R and Jupyter"),
    ("FishTrack", "acoustic telemetry of migratory fish", "fish eco", PREP,
     "migration routes of salmon and eel tracked by acoustic tags",
     "process detections from three hundred receivers", "Python detection filters"),
    ("Neutrino Mass Analysis Group", "likelihood fits", "nucl hep", PROD,
     "the absolute neutrino mass from beta-decay spectra",
     "run large likelihood scans with systematic variations", "C++ fitting code"),
    ("TinyML Bench", "edge device benchmarking", "cs elec", CANC,
     "machine-learning models on microcontrollers",
     "run a benchmark farm of emulated edge devices", "emulators in containers"),
    ("Forest Carbon Inventory", "plot and lidar fusion", "agri clim", TI,
     "carbon stocks of European forests from plots and airborne lidar",
     "fuse national forest inventories with lidar tiles", "Python and GDAL"),
    ("MediaVoice", "speech-to-text for broadcast archives", "media lang", P_A,
     "decades of regional radio broadcasts", "transcribe archive audio with speech recognition",
     "speech-recognition models"),
    ("Paleogenomics Initiative", "ancient DNA analysis", "bioinf hist", A,
     "ancient DNA from archaeological remains", "map and genotype low-coverage ancient genomes", "Nextflow pipelines"),
    ("Radio Lab Pulsar Timing", "timing array analysis", "astro", PROD,
     "millisecond pulsars as a galactic-scale detector", "run noise-model analyses for a pulsar timing array",
     "Bayesian inference codes"),
    ("CardioSim", "heart rhythm simulation", "med", PP,
     "cardiac arrhythmias in patient-specific heart models",
     "run thousands of electrophysiology simulations", "a finite-element cardiac solver"),
    ("SolarGrid", "energy forecasting", "elec enveng", CLOSED,
     "solar power forecasting for distribution grids",
     "run hourly forecasts on a guaranteed-availability service", "gradient-boosting models"),
    ("ProofCheck", "formal proof checking cluster", "math cs", PROD,
     "machine-checked proofs in a large mathematics library",
     "check the whole library on every change", "proof assistants in continuous integration"),
    ("PhiloText", "text mining of philosophical works", "phil lang", CANC,
     "concepts across three centuries of philosophical writing",
     "run topic models over digitised books", "Python text-mining tools"),
    ("Volcano Gas Watch", "gas flux monitoring", "volc seis", PREP,
     "volcanic gas emissions measured by scanning spectrometers",
     "compute gas fluxes in near real time for observatories", "Python retrieval code"),
    ("Ocean Colour Reprocessing", "satellite time series", "ocean", PROD,
     "phytoplankton seen in twenty years of ocean-colour data",
     "reprocess the full satellite archive with a new algorithm", "satellite processing chains"),
    ("RareGen Pilot", "rare disease genomics", "med bioinf", P_A,
     "exome data of families with rare diseases",
     "analyse sequencing data under strict data-protection rules", "variant-calling pipelines"),
    ("Dairy Herd Genomics", "genomic selection", "animal bioinf", TI,
     "genomic selection in dairy cattle", "run genomic evaluations for breeders' associations",
     "Fortran mixed-model solvers"),
    ("Theatre Heritage Digitisation", "playbills and recordings", "arts", CLOSED,
     "two centuries of playbills, photographs and recordings",
     "host a long-term preservation archive", "a digital-preservation system"),
    ("Lattice Small Groups", "lattice QCD for small groups", "hep math", PP,
     "hadron structure from lattice simulations",
     "give small lattice groups access to capacity computing", "lattice QCD codes"),
    ("WakeFlow", "wind turbine wake simulations", "mech", PROD,
     "wakes behind wind turbines in offshore farms", "run large-eddy simulations of turbine wakes",
     "OpenFOAM-style CFD"),
    ("Camera Trap Biodiversity", "image classification", "eco", A,
     "mammal populations observed by camera traps",
     "classify millions of camera-trap images", "image-classification models"),
    ("ExoAtmos", "exoplanet atmosphere retrieval", "astro", TI,
     "atmospheres of transiting exoplanets", "run Bayesian retrievals on telescope spectra", "nested-sampling codes"),
    ("EpiSandbox", "epidemic modelling sandbox", "epi math", PROD,
     "spread of infectious diseases in synthetic populations",
     "run scenario ensembles for public-health questions", "agent-based models"),
    ("BridgeWatch", "structural health monitoring", "civil", P_A,
     "vibration data from instrumented bridges", "analyse sensor streams for early signs of damage",
     "Python signal processing"),
    ("Legacy VO migration", "vo.example-legacy.org", "", CLOSED,
     "the services of a retired virtual organisation", "move users and data to a supported VO", "grid storage tools"),
    ("Cloud for Beginners", "training event resources", "", CANC,
     "a hands-on training event about cloud computing",
     "get temporary virtual machines for forty participants", "virtual machines"),
    ("QChem Workflows", "automated quantum chemistry", "chem cond", PREP,
     "automated workflows for quantum chemistry", "run high-throughput calculations with provenance tracking",
     "a workflow engine with provenance"),
    ("Seabird Migration Atlas", "GPS tracking data", "eco ocean", PP,
     "migration of seabirds tracked with GPS loggers",
     "build a shared atlas from tracking data of forty colonies", "R movement-ecology packages"),
    ("SoilSat", "soil moisture from satellites", "hydro agri", PROD,
     "soil moisture retrieved from radar satellites",
     "produce daily soil-moisture maps for agriculture", "satellite processing chains"),
    ("Historic Newspapers OCR", "text recognition", "hist lang media", TI,
     "regional newspapers from 1850 to 1950", "recognise text in four million digitised pages", "OCR engines"),
    ("CosmicWatch", "cosmic-ray citizen science", "astro hep", A,
     "cosmic rays recorded by detectors in schools",
     "collect and analyse data from six hundred school detectors", "a web platform and Python analysis"),
    ("HospiLog", "hospital logistics optimisation", "epi econ", CANC,
     "patient flows and bed occupancy in hospitals", "run optimisation models for hospital logistics",
     "mixed-integer optimisation solvers"),
    ("NuclData Evaluation", "cross-section evaluation", "nucl", CLOSED,
     "evaluated nuclear reaction data", "run uncertainty propagation for evaluated data files",
     "Monte Carlo transport codes"),
    ("DroughtWatch Danube", "drought early warning", "clim hydro agri", P_A,
     "drought in the Danube basin", "run seasonal drought forecasts for water authorities", "hydrological models"),
    ("WebArchive Research Lab", "analysis of archived web crawls", "cs", PREP,
     "the archived web as a source for historians and social scientists",
     "analyse ten years of national web crawls without copying them", "Spark jobs next to the archive"),
    ("GLOF Risk", "glacier lake outburst floods", "hydro seis", A,
     "outburst floods from glacial lakes", "run flood simulations for hazard maps", "shallow-water solvers"),
    ("Cultural Landscapes from Space", "remote sensing of heritage", "hist enveng", PP,
     "historic field systems visible in satellite images", "classify landscape features across Europe",
     "deep-learning segmentation models"),
    ("MicroscopyHub", "image analysis platform", "med bioinf", PROD,
     "light-sheet microscopy of developing tissues", "offer an image-analysis platform to imaging facilities",
     "image-analysis servers"),
    ("Urban Mobility Data Lab", "anonymised mobility data", "socio civil", None,
     "travel patterns in cities", "analyse anonymised mobility data", "Spark"),
]
_GAPS = {13, 42}  # ticket ids that no longer exist in the queue (deleted or moved)

# --- Text templates (str.format with the facts of a case) -------------------------------------

_INTRO = (
    "{name} is a collaboration of about {people} researchers from {institutes} institutes in {countries}. "
    "Its members work on {topic}, and the community now asks for help to {goal}.",
    "We write on behalf of {name}, a research community of roughly {people} people in {countries} working on "
    "{topic}. We would like to {goal} and are looking for advice and resources from the federation.",
    "{name} started as a national project and has grown into a network of {institutes} groups in {countries}. "
    "The scientific focus is {topic}; the request is to {goal}.",
)
_CURRENT = (
    "Today the analysis runs on {tool} at the partner institutes. Each group maintains its own installation, "
    "which makes results hard to compare and costs a lot of effort in system administration.",
    "The current workflow is a set of scripts around {tool}, run by hand on department servers. Jobs are short, "
    "typically under two hours, but there are many of them: a full campaign is about {jobs} jobs.",
    "Most of the processing is done with {tool}. The software is open source and already packaged as "
    "containers, so it should run on cloud and batch resources without major changes.",
)
_NEEDS = (
    "We estimate a need of about {cores} CPU cores during campaign periods and {storage} TB of storage that "
    "the whole collaboration can read, growing by roughly a third every year.",
    "The main need is storage: the collaboration holds {storage} TB today and expects to double that within "
    "{years} years. Compute needs are moderate, around {cores} cores shared across the groups.",
    "For the first year the community asks for {cores} cores and {storage} TB of object storage, plus help "
    "with setting up a Virtual Organisation and the membership management around it.",
)
_CONSTRAINTS = (
    "Members authenticate with their institutional accounts; few of them hold personal certificates, so "
    "access through a federated identity proxy is strongly preferred.",
    "Some of the input data is under embargo periods agreed with the data providers, so storage must support "
    "access control per group.",
    "The community has one part-time system administrator and would rather not run its own services; "
    "managed or shared services are preferred wherever possible.",
    "Resources close to the data providers would help, since the raw data grows by several terabytes a week "
    "and moving it across Europe is slow.",
)
_IMPACT = (
    "A shared platform would let the smaller groups of the collaboration run the same analysis as the large "
    "ones, and would make the published results easier to reproduce.",
    "If the pilot works, the approach will be written into the community's data management plan and offered "
    "to the {institutes} groups that have asked to join.",
    "The expected impact is a shorter time from measurement to publication: from several weeks today to a "
    "few days.",
)
#: the engagement questionnaire of the queue guide (Appendix I), answered: makes long bodies
_QUESTIONNAIRE = (
    ("What does the community want to achieve?",
     "To {goal}. The scientific question behind it is {topic}; the computing is a means, not a goal."),
    ("Who would use the resources?",
     "The {name} collaboration as a whole: {people} researchers, of whom about a third run analyses "
     "regularly. PhD students would be the heaviest users."),
    ("Where are the users?",
     "At {institutes} institutes in {countries}. The coordinating group hosts the shared software "
     "repository and the documentation."),
    ("How much compute and storage, and for how long?",
     "About {cores} cores at peak and {storage} TB of storage for the next {years} years. Between "
     "campaigns the compute need drops to a tenth of the peak."),
    ("An existing Virtual Organisation or a new one?",
     "A new one is probably needed, because membership should follow the collaboration's own agreement. "
     "We would welcome advice on this."),
    ("Preferred tools and technologies?",
     "{tool}. Containers are already used for development, so cloud resources would be the easiest start; "
     "batch access would also work for the large campaigns."),
    ("Preferred resource providers?",
     "Providers in the countries of the partner institutes are preferred, because national funding agencies "
     "ask for it, but this is not a hard requirement."),
    ("Access to a Certification Authority?",
     "Only two members hold personal certificates. Most would log in with their institutional accounts "
     "through a federated identity proxy."),
    ("Skills and time to manage a VO?",
     "The coordinating group can name one person for membership management, for about a day a month. "
     "Technical operation of services should stay with the providers."),
)
_LONG_CLOSING = (
    "A possible timeline: a pilot with a few users in the first three months, a first production campaign "
    "after six months, and the whole collaboration after a year. We are happy to present the use case at the "
    "next engagement meeting and to share our design documents with the teams involved; the main open "
    "question on our side is how the resources would be shared fairly between the large and the small groups."
)
_ACK = (
    "Dear {name} team,\n\nthank you for getting in touch. I will follow this case. Could we have a short call "
    "in the coming weeks to go through your needs in more detail? A list of the questions we usually ask is "
    "in the queue guide; there is no need to prepare written answers.\n\nBest regards,\n{owner}",
    "Dear colleagues,\n\nthanks for the detailed request. Before we look for resources I would like to "
    "understand the workflow better, in particular how the data arrives and how often the analysis runs. "
    "Would a video call next week work for you?\n\nKind regards,\n{owner}",
)
_REPLIES = {
    A: ("Dear {name} team,\n\nthank you for the call. We have summarised the requirements in this case: about "
        "{cores} cores at peak, {storage} TB of shared storage, access with institutional accounts, and {tool} "
        "as the main software. Please check the summary and tell us if anything is missing. The next step is "
        "an implementation plan, which we will draft together with the national teams.\n\nBest regards,\n{owner}",),
    PREP: ("The implementation plan is now linked from the case. {site_a} and {site_b} agreed to support the "
           "community, and the Virtual Organisation {vo} has been registered. Work on the first setup has "
           "started; we expect a version for testing in a few weeks.",
           "Short update: the national teams discussed the plan and two providers, {site_a} and {site_b}, have "
           "committed resources for the pilot. The plan is linked from the case."),
    TI: ("A first version of the setup is ready for testing: {tool} runs on the resources of {site_a}. Could "
         "you run a representative workflow and report how long it takes compared with your current setup? "
         "Any problem with logging in or with data access is useful to hear about.",
         "The prototype is available for the community's test users. Documentation for the first steps is "
         "linked from the case. Please send us the results of the test runs when you have them."),
    PP: ("The tests went well: the reference workflow ran in {hours} hours instead of {days} days. We are "
         "now preparing the service agreement with the community and the operational agreements with "
         "{site_a} and {site_b}.",),
    PROD: ("The service is now in production. The agreements are signed, the VO is supported by {site_list}, "
           "and monitoring is in place. We will keep an eye on the first production campaign; please reply to "
           "this case if anything does not work as expected.",),
    CLOSED: ("After discussing this case in the engagement board we have decided to close it: the community "
             "needs {special}, which the federation cannot offer at the moment. We have pointed the community "
             "to {alternative}.",),
    CANC: ("The community told us that it has changed its plans: {reason}. We are cancelling the case; it can "
           "be reopened at any time.",),
}
_STEP_BACK = (
    "The first test runs showed that the setup does not yet fit the workflow: jobs need more memory per core "
    "than {site_a} offers. We are moving the case back to preparation while {site_b} prepares larger nodes."
)
_FOLLOW_UP = (
    "Thank you, the summary looks right. We will circulate it within the collaboration and come back to you "
    "if anything needs to change.",
    "Thanks for the update. Our test users have started and first results look good; we will send a short "
    "report at the end of the month.",
    "Thank you for the help so far. One question from our side: is there a way to get notified when the "
    "resources are close to their quota?",
)
_PROGRESS = (
    "Status update: {site_a} has finished the configuration for the community, and the remaining work is on "
    "the community's side. We will check again at the next engagement meeting.",
    "Quick progress note: the documentation for new users is ready and the first members have joined the VO. "
    "No blocking issues at the moment.",
)
_SPECIAL = ("dedicated GPU nodes with guaranteed availability", "a service with a 99.9% availability guarantee",
            "long-term preservation for several decades")
_ALTERNATIVE = ("a national supercomputing centre", "a commercial provider through a procurement framework",
                "the national digital-preservation service")
_REASON = ("its funding proposal was not accepted", "a national infrastructure will host the work instead",
           "the project ended earlier than planned")
_EMAIL_RECORD = ("{when}: Request {id} was acted upon by {who}.\n\nTransaction: {what}\n       Queue: {queue}\n"
                 "     Subject: {subject}\n  Requestors: {requestors}\n  Ticket URL: {url}/Ticket/Display.html"
                 "?id={id}\n")

# --- The sample's special cases (keyed by community name) ------------------------------------

_GREEK_BODY = (
    "Το Ελληνικό Δίκτυο Σεισμικών Δεδομένων (ΕΛΣΕΔ) συγκεντρώνει συνεχείς κυματομορφές από 140 σεισμολογικούς "
    "σταθμούς σε όλη την Ελλάδα. Σήμερα η επεξεργασία γίνεται σε έναν τοπικό διακομιστή, ο οποίος δεν επαρκεί "
    "πλέον για την ανάλυση σε πραγματικό χρόνο.\n\n"
    "Ζητούμε υπολογιστικούς πόρους και αποθηκευτικό χώρο (περίπου 60 TB) για την αρχειοθέτηση των δεδομένων "
    "και για την αυτόματη εκτίμηση του μεγέθους των σεισμών.\n\n"
    "English summary: the Hellenic Seismic Data Network collects continuous waveforms from 140 stations across "
    "Greece. The processing server can no longer keep up with real-time analysis, so the network asks for "
    "compute and about 60 TB of storage to archive waveforms and estimate magnitudes within minutes."
)
_GREEK_REPLY = (
    "Ευχαριστούμε για τη γρήγορη απάντηση. Οι δοκιμές στο EXAMPLE-SITE-GR ξεκίνησαν την προηγούμενη εβδομάδα.\n\n"
    "For technical questions you can reach our data manager at n.papadopoulou@seismo.example.net or by phone "
    "at +30 210 555 0147."
)
_POLISH_BODY = (
    "Pracownia Obrazowania Mózgu w Łodzi bada zmiany istoty białej u pacjentów po udarze. Zespół liczy "
    "czternaście osób, a dane z rezonansu magnetycznego (około 38 TB) przechowujemy obecnie na jednym "
    "serwerze, który jest już prawie pełny.\n\n"
    "Potrzebujemy miejsca na dane oraz mocy obliczeniowej do przetwarzania obrazów (około 400 rdzeni przez "
    "kilka tygodni w roku). Dane są pseudonimizowane zgodnie z wymogami komisji etycznej; żadne dane "
    "osobowe pacjentów nie opuszczą szpitala.\n\n"
    "W sprawach technicznych proszę pisać na adres marta.wisniewska@neuro-lodz.example.org lub dzwonić pod "
    "numer +48 42 555 01 23.\n\n"
    "English summary: the Brain Imaging Lab in Łódź studies white-matter changes after stroke. Its 38 TB of "
    "pseudonymised MRI data has outgrown the lab's only server; the lab asks for storage and about 400 cores "
    "for a few weeks a year."
)
_CHINESE_BODY = (
    "The High Energy Physics Research Centre of Example University (示例大学高能物理研究中心) is preparing "
    "the design of a future tracking detector together with four European groups. The design study needs a "
    "large Monte Carlo campaign: about two billion simulated events over eighteen months.\n\n"
    "The centre's own cluster and the partner 示例科学院计算网络中心 (Computing Network Centre of the Example "
    "Academy of Sciences) can provide half of the capacity. The collaboration asks whether European providers "
    "could run the other half, with the output stored in Europe where most of the analysis groups are.\n\n"
    "The simulation software is already validated on both sides and distributed through a software "
    "repository that the providers can mount read-only."
)
_OPENEPI_HTML = (
    "<p>Dear colleagues,</p>\n<p><b>OpenEpi Europe</b> is a network of public-health institutes that share "
    "surveillance models for seasonal respiratory infections. We would like to host:</p>\n<ul>\n"
    "<li>dashboards for about thirty partner institutes,</li>\n<li>nightly model runs (about 200 core-hours a "
    "night),</li>\n<li>a small database of aggregated, non-personal counts.</li>\n</ul>\n"
    "<p>Questions can go to <a href=\"mailto:surveillance@openepi.example.com\">surveillance@openepi.example.com"
    "</a>.</p>\n<p>Kind regards,<br>the OpenEpi coordination team</p>\n"
)
_CARDIOSIM_HTML = (
    "<h2>CardioSim</h2>\n<p>We simulate cardiac arrhythmias in <i>patient-specific</i> heart models built from "
    "imaging data. A typical study needs <b>thousands of simulations</b> of a few hours each.</p>\n"
    "<table><tr><th>Study</th><th>Simulations</th><th>Core-hours</th></tr>\n"
    "<tr><td>Atrial fibrillation</td><td>4 000</td><td>320 000</td></tr>\n"
    "<tr><td>Drug screening</td><td>1 500</td><td>90 000</td></tr></table>\n"
    "<p>Details are in the attached plan: <a href=\"https://docs.example.org/cardiosim/plan.pdf\">plan</a>.</p>\n"
)
_PASSWORD_REPLY = (
    "The test deployment is ready. For the first login you can use user: medimg-fl-test, password: "
    "hunter2-Example. Please change it straight away; the account is shared by the pilot hospitals."
)
_LINGUA_PLAIN = ("The corpus index is rebuilt. Search over all twenty languages now takes under two seconds; "
                 "the biggest gain came from splitting the index per language.")
_LINGUA_HTML = ("<p>The corpus index is rebuilt. Search over <b>all twenty languages</b> now takes under two "
                "seconds; the biggest gain came from splitting the index per language.</p>")
_COMMENTS = {
    "CLIMADAPT": "INTERNAL ONLY – capacity table from the sites attached; the numbers are not agreed yet.",
    "MatGen": "INTERNAL ONLY – the PI mentioned a possible industry partner; do not mention it in replies.",
    "SmallLab Cryo-EM": "INTERNAL ONLY – GPU budget for next year is frozen; close the case politely.",
    "ΕΛΣΕΔ": "INTERNAL ONLY – EXAMPLE-SITE-GR asks for a co-funding letter before committing storage.",
    "MedImg-FL": "INTERNAL ONLY – the hospitals' legal review is still open, no data may move before it ends.",
}
_CAPACITY_CSV = "site,cores,storage_tb\nEXAMPLE-SITE-CZ,1200,300\nEXAMPLE-SITE-PL,800,150\n"
_PRIORITY = {"CLIMADAPT": "High – funding decision pending", "MedImg-FL": "Medium – escalate at WP6 meeting",
             "BridgeWatch": "Low – community unresponsive"}

#: community name -> overrides of what the tables would generate
_SPECIALS: dict[str, dict[str, Any]] = {
    "ΕΛΣΕΔ": {"body": _GREEK_BODY, "replies": [(1, _GREEK_REPLY, "text/plain")],
              "contacts": ["Νικολέτα Παπαδοπούλου <n.papadopoulou@seismo.example.net>, Πανεπιστήμιο "
                           "Παραδείγματος (Υπεύθυνη δεδομένων)"], "sites": ["EXAMPLE-SITE-GR", "EXAMPLE-SITE-IT"]},
    "NeuroAtlas Łódź": {"body": _POLISH_BODY,
                        "contacts": ["Marta Wiśniewska <marta.wisniewska@neuro-lodz.example.org>, Uniwersytet "
                                     "Przykładowy w Łodzi (kierownik pracowni)"]},
    "示例大学高能物理研究中心": {"body": _CHINESE_BODY,
                       "contacts": ["李明示 <li.mingshi@hep.example.com>, 示例大学高能物理研究中心 (PI)",
                                    "Jane Doe <jane.doe@example.org>, University of Example (PI)"]},
    "OpenEpi Europe": {"body": _OPENEPI_HTML, "body_type": "text/html"},
    "CardioSim": {"body": _CARDIOSIM_HTML, "body_type": "text/html"},
    "MediaVoice": {"body": ""},  # an empty body
    "RareGen Pilot": {"body": None},  # a Create without any attachment
    "WebArchive Research Lab": {
        "sites": ["EXAMPLE-SITE-CZ", "EXAMPLE-SITE-NL"],
        "links": ["https://docs.example.org/webarchive/plan.pdf"]},
    "Baltic Sediment Archive": {"links": ["https://docs.example.org/baltic/plan.pdf",
                                          "ftp://ftp.example.org/pub/baltic/cores/"]},
    "MedImg-FL": {"replies": [(2, _PASSWORD_REPLY, "text/plain")]},
    "Lingua Corpora Network": {"replies": [(3, (_LINGUA_PLAIN, _LINGUA_HTML), "multipart/alternative")]},
    "MatGen": {"path": [P_A, A, PREP, TI, PREP, TI, PP]},  # moves backwards once
    "ProofCheck": {"path": [P_A, PREP, PROD]},  # skips steps
    "UrbanAir": {"path": [A]},  # created as Assessed, never changed
    "Forest Carbon Inventory": {"rt_status": "stalled"},
    "Dairy Herd Genomics": {"rt_status": "stalled"},
    "MicroscopyHub": {"rt_status": "open", "recent": True},  # just reached production
    "Legacy VO migration": {"rt_status": "rejected"},
}
_LONG = {"LUMEN-Sky", "CLIMADAPT", "Coastal Flood Twin", "GRAVI-Wave Alerts", "Radio Lab Pulsar Timing",
         "Lattice Small Groups", "DroughtWatch Danube", "Ψηφιακά Χειρόγραφα Αιγαίου", "Seabird Migration Atlas"}
_EXTRA_DISCIPLINE = {"Coastal Flood Twin": "enveng", "DeepSoil": "agri"}  # added later by a CF change


def planted_items() -> list[str]:
    """Every confidential string planted in the sample: none of them may reach the public site.

    Secrets in public text (e-mail addresses, phone numbers, a password) that screening must
    redact, and private material it must drop (requestor, Cc, contact and staff addresses, contact
    names, comment bodies, the attached file, the unknown custom field's values).
    """
    items = [
        "marta.wisniewska@neuro-lodz.example.org", "+48 42 555 01 23",  # in a description
        "surveillance@openepi.example.com",  # in an HTML description
        "n.papadopoulou@seismo.example.net", "+30 210 555 0147",  # in a correspondence
        "hunter2-Example",  # a password in prose
        "Jane Doe", "jane.doe@example.org", "Νικολέτα Παπαδοπούλου", "Marta Wiśniewska", "李明示",
        _CAPACITY_CSV, "storage_tb", *_COMMENTS.values(), *_PRIORITY.values(),
    ]
    items += [email for _, _, email in STAFF.values()]
    for entry in make_sample()["tickets"]:
        t = entry["ticket"]
        items += [u["id"] for u in t["Requestor"] + t["Cc"]]
        for cf in t["CustomFields"]:
            for line in "\n".join(cf["values"]).splitlines() if cf["name"] == CONTACTS_CF else []:
                person, _, rest = line.partition(" <")
                items += [person, rest.partition(">")[0]]
    return sorted(set(items), key=items.index)


# --- Building tickets ------------------------------------------------------------------------


@dataclass(slots=True)
class _Txn:
    when: int
    type: str
    creator: str
    field: str = ""
    old: str = ""
    new: str = ""
    data: str = ""
    parts: tuple[tuple[str, str, str], ...] = ()  # (content type, filename, content)


@dataclass
class _Case:
    subject: str
    owner: str  # a STAFF login or "Nobody"
    created: int
    requestors: list[str]
    facts: dict[str, Any]
    cfs: dict[str, list[str]] = field(default_factory=dict)
    cc: list[str] = field(default_factory=list)
    rt_status: str = "new"
    resolved: int | None = None
    txns: list[_Txn] = field(default_factory=list)

    def correspond(self, when: int, text: str | tuple[str, str], ctype: str = "text/plain", by: str = "") -> None:
        """A reply (by the owner unless ``by``); multipart/alternative takes (plain, html)."""
        if ctype == "multipart/alternative":
            plain, html = text
            parts = (("multipart/alternative", "", ""), ("text/plain", "", plain), ("text/html", "", html))
        else:
            parts = ((ctype, "", text),)
        by = by or self.owner
        self.txns.append(_Txn(when, "Correspond", by, data=f"Re: {self.subject}\n", parts=parts))
        if by in STAFF and self.rt_status == "new":
            self.set_status(when + 1, "open")

    def set_status(self, when: int, new: str) -> None:
        self.txns.append(_Txn(when, "Status", "RT_System", "Status", self.rt_status, new))
        self.rt_status = new
        if new in ("resolved", "rejected"):
            self.resolved = when

    def set_cf(self, when: int, name: str, old: str, new: str) -> None:
        self.txns.append(_Txn(when, "CustomField", self.owner, str(CF_IDS[name]), old, new))


def _ts(day: str) -> int:
    return int(datetime.fromisoformat(day + "T00:00:00+00:00").timestamp())


def _iso(ts: int) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(ts))


_FETCHED = int(datetime.fromisoformat(FETCHED_AT.replace("Z", "+00:00")).timestamp())
_LIMIT = _FETCHED - 3 * 3600  # nothing in the queue happens after this


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


_SLUGS = {"ΕΛΣΕΔ": "elsed", "Ψηφιακά Χειρόγραφα Αιγαίου": "aegean-manuscripts",
          "示例大学高能物理研究中心": "example-hep-centre"}


@functools.lru_cache(maxsize=256)
def _slug(name: str) -> str:
    """An ASCII name for addresses and URLs ('NeuroAtlas Łódź' -> 'neuroatlas-lodz')."""
    if name in _SLUGS:
        return _SLUGS[name]
    text = unicodedata.normalize("NFKD", name.lower().replace("ł", "l"))
    text = "".join(ch if ch.isascii() and ch.isalnum() else " " if not unicodedata.combining(ch) else ""
                   for ch in text)
    return "-".join(text.split()) or "community"


def _facts(rng: random.Random, name: str, topic: str, goal: str, tool: str, owner: str) -> dict[str, Any]:
    sites = rng.sample(SITES, rng.randint(2, 4))
    return {
        "name": name, "topic": topic, "goal": goal, "tool": tool, "owner": owner,
        "people": rng.choice((12, 18, 25, 40, 60, 85, 120, 200, 350)), "institutes": rng.randint(3, 24),
        "countries": _join(rng.sample(COUNTRIES, rng.randint(2, 5))),
        "cores": rng.choice((200, 400, 800, 1500, 3000, 6000)), "storage": rng.choice((20, 50, 120, 300, 800)),
        "years": rng.randint(2, 5), "jobs": f"{rng.randint(2, 90)} 000", "sites": sites,
        "site_a": sites[0], "site_b": sites[1], "site_list": _join(sites), "vo": f"vo.{_slug(name)}.example.eu",
        "hours": rng.randint(3, 20), "days": rng.randint(3, 12), "special": rng.choice(_SPECIAL),
        "alternative": rng.choice(_ALTERNATIVE), "reason": rng.choice(_REASON),
    }


def _description(rng: random.Random, facts: dict[str, Any], long: bool, questions: int = 0) -> str:
    pools = (_INTRO, _CURRENT, _NEEDS, _CONSTRAINTS, _IMPACT)
    paragraphs = [rng.choice(pool).format(**facts) for pool in pools]
    qa = _QUESTIONNAIRE if long else [_QUESTIONNAIRE[i] for i in sorted(rng.sample(range(9), questions))]
    if qa:
        paragraphs.insert(2, "Answers to the engagement questionnaire:\n\n" + "\n\n".join(
            f"{q}\n{a.format(**facts)}" for q, a in qa))
    if long:
        paragraphs += [" ".join(_CONSTRAINTS), _LONG_CLOSING]
    return "\n\n".join(paragraphs)


def _path(rng: random.Random, final: S | None) -> list[S]:
    """A workflow path ending in ``final``; its first status is the one set at creation."""
    if final is None:
        return []
    if final in _FLOW:
        path = _FLOW[: _FLOW.index(final) + 1]
    else:
        path = _FLOW[: rng.randint(1, 4)] + [final]
    if len(path) > 2 and rng.random() < 0.15:
        path = path[1:]  # the description already held the requirements: created as Assessed
    return path


def _change_times(rng: random.Random, start: int, n: int, limit: int) -> list[int]:
    """n moments after ``start``, 10-180 days apart, squeezed to end before ``limit``."""
    gaps = [rng.randint(10 * DAY, 180 * DAY) for _ in range(n)]
    room = limit - start
    if sum(gaps) > room:
        gaps = [g * room * 9 // (10 * sum(gaps)) for g in gaps]
    times, t = [], start
    for gap in gaps:
        t += max(gap, 2 * 3600)
        times.append(t)
    return times


def _workflow(case: _Case, rng: random.Random, path: list[S], times: list[int], replies: set[int],
              follow_ups: bool, close: bool = True) -> None:
    """Moves the case along ``path``: a staff reply before a change (for indexes in ``replies``),
    the CF change, VO and sites filled in on reaching Preparatory, and (``close``) the RT status
    resolved or rejected once the case has ended or reached production."""
    facts = case.facts
    for i, ((old, new), when) in enumerate(zip(pairwise(path), times), start=1):
        if i in replies:
            text = _STEP_BACK if _RANK[new] < _RANK[old] and new.is_active else rng.choice(_REPLIES[new])
            case.correspond(when - rng.randint(600, 6 * 3600), text.format(**facts))
            if follow_ups and rng.random() < 0.4:
                case.correspond(min(when + rng.randint(DAY, 4 * DAY), _LIMIT), rng.choice(_FOLLOW_UP),
                                by=case.requestors[0])
        case.set_cf(when, STATUS_CF, old.value, new.value)
        if new is PREP and _RANK[old] < _RANK[PREP]:
            for vo in case.cfs.get(VO_CF, []):
                case.set_cf(when + 60, VO_CF, "", vo)
            for site in case.cfs.get(SITES_CF, []):
                case.set_cf(when + 120, SITES_CF, "", site)
    if close and path and path[-1] in (PROD, CLOSED, CANC):
        last = times[-1] if times else case.created + DAY
        case.set_status(min(last + rng.randint(600, 5 * DAY), _LIMIT),
                        "rejected" if path[-1] is CANC else "resolved")


def _entry(case: _Case, ticket_id: int, txn_ids: count, att_ids: count, rng: random.Random) -> dict:
    """The grouped REST 2 entry of one case, ids taken from the queue-wide counters."""
    transactions, attachments = [], []
    for t in sorted(case.txns, key=lambda t: t.when):
        txn_id = str(next(txn_ids))
        transactions.append({
            "id": txn_id, "type": "transaction", "Type": t.type, "Created": _iso(t.when), "Creator": _user(t.creator),
            "Field": t.field, "OldValue": t.old, "NewValue": t.new, "Data": t.data,
            "ObjectId": str(ticket_id), "ObjectType": "RT::Ticket",
        })
        subject = {"Create": case.subject, "Correspond": t.data.strip()}.get(t.type, "")
        for ctype, filename, content in t.parts:
            attachments.append({
                "id": str(next(att_ids)), "type": "attachment", "TransactionId": txn_id, "ContentType": ctype,
                "Filename": filename, "ContentLength": str(len(content.encode())), "Created": _iso(t.when),
                "Subject": subject, "Content": content,
            })
            subject = ""
    ids = {**CF_IDS, **{_F[f.name]: len(CF_IDS) + 2 + i for i, f in enumerate(drawn_fields())}}
    custom_fields = [{"id": str(cf_id), "name": name, "type": "customfield", "values": case.cfs.get(name, [])}
                     for name, cf_id in ids.items()]
    custom_fields, drawn = custom_fields[:len(CF_IDS)], custom_fields[len(CF_IDS):]
    rng.shuffle(custom_fields)  # RT lists them in no particular order
    custom_fields += drawn  # after the shuffle, so that it draws the numbers it drew without them
    ticket = {
        "id": str(ticket_id), "type": "ticket", "Subject": case.subject, "Status": case.rt_status,
        "Owner": _user(case.owner, owner=True), "Queue": {"id": "3", "type": "queue", "Name": QUEUE},
        "Created": _iso(case.created), "LastUpdated": _iso(max(t.when for t in case.txns)),
        "Resolved": _iso(case.resolved) if case.resolved else "1970-01-01T00:00:00Z",
        "Requestor": [{"id": r, "type": "user"} for r in case.requestors],
        "Cc": [{"id": c, "type": "user"} for c in case.cc], "CustomFields": custom_fields,
    }
    return {"ticket": ticket, "transactions": transactions, "attachments": attachments}


def _user(login: str, owner: bool = False) -> dict[str, str]:
    """A REST 2 user reference; only the Owner carries an e-mail address (fields[Owner])."""
    if login in STAFF:
        _, real_name, email = STAFF[login]
        user = {"id": login, "type": "user", "Name": login, "RealName": real_name}
        return user | {"EmailAddress": email} if owner else user
    if login == "Nobody":
        return {"id": "Nobody", "type": "user", "Name": "Nobody", "RealName": NOBODY[1], "EmailAddress": ""}
    return {"id": login, "type": "user", "Name": login, "RealName": ""}


def _queue(tickets: list[dict]) -> dict[str, Any]:
    """The raw queue around ``tickets``; "source": "sample" marks invented data (never "rt")."""
    return {"format": RAW_FORMAT, "queue": QUEUE, "fetched_at": FETCHED_AT, "source": "sample",
            "rt_web_url": RT_WEB_URL, "tickets": tickets}


def _created(rng: random.Random, final: S | None) -> int:
    low, high = _CREATED[final]
    return rng.randint(_ts(low), _ts(high)) // 60 * 60 + rng.randint(0, 59)


# --- The sample ------------------------------------------------------------------------------


def make_sample() -> dict[str, Any]:
    """The bundled sample queue (deterministic; see the module docstring for what it holds)."""
    rng = random.Random(SAMPLE_SEED)
    rows = sorted(((_created(rng, row[3]), row) for row in COMMUNITIES), key=lambda pair: pair[0])
    ids = (i for i in count(1) if i not in _GAPS)
    txn_ids, att_ids = count(101), count(201)
    tickets = [_sample_entry(rng, created, row, next(ids), txn_ids, att_ids) for created, row in rows]
    return _queue(tickets)


def _sample_entry(rng: random.Random, created: int, row: tuple, ticket_id: int, txn_ids: count,
                  att_ids: count) -> dict:
    name, descriptor, disciplines, final, topic, goal, tool = row
    special = _SPECIALS.get(name, {})
    owner = rng.choice(sorted(STAFF))
    facts = _facts(rng, name, topic, goal, tool, STAFF[owner][1])
    if "sites" in special:  # replies name the same sites and VO as the custom fields
        sites = special["sites"]
        facts.update(sites=sites, site_a=sites[0], site_b=sites[1], site_list=_join(sites))
    facts["vo"] = special.get("vos", [facts["vo"]])[0]
    slug = _slug(name)
    contacts = special.get("contacts") or [_contact(rng, slug) for _ in range(rng.randint(0, 2))]
    requestors = [line.split("<")[1].split(">")[0] for line in contacts] or [f"info@{slug}.example.org"]
    case = _Case(f"{name} – {descriptor}", owner, created, requestors[:1], facts)
    if rng.random() < 0.4:
        case.cc = [f"nil-{rng.choice(SITES)[-2:].lower()}@ngi.example.org"] + requestors[1:]
    path = special.get("path") or _path(rng, final)
    reaches_prep = any(_RANK[PREP] <= _RANK[s] <= _RANK[PROD] for s in path)
    case.cfs = {
        STATUS_CF: [path[-1].value] if path else [],
        DISCIPLINE_CF: [DISCIPLINES[k] for k in disciplines.split()],
        VO_CF: [facts["vo"]] if reaches_prep or "vos" in special else [],
        SITES_CF: facts["sites"] if reaches_prep or "sites" in special else [],
        CONTACTS_CF: ["\n".join(contacts)] if contacts else [],
        LINKS_CF: special.get("links", [f"https://docs.example.org/cases/{slug}/plan.pdf"] if reaches_prep else []),
        PRIORITY_CF: [_PRIORITY[name]] if name in _PRIORITY else [],
        **{_F[f.name]: _drawn_values(f, name) for f in drawn_fields()},
    }
    # the Create transaction with the description (several shapes of body)
    if "body" in special:
        body = special["body"]
    else:
        body = _description(rng, facts, long=name in _LONG, questions=rng.randint(0, 3))
    parts = () if body is None else ((special.get("body_type", "text/plain"), "", body),)
    unowned = bool(path) and path[-1] is P_A and rng.random() < 0.5
    case.owner = "Nobody" if unowned else owner
    case.txns.append(_Txn(created, "Create", case.requestors[0], parts=parts))
    _email_record(case, created + 2, ticket_id, case.requestors[0], "Ticket created")
    # the history: acknowledgement, status changes with replies, specials, comments
    limit = _LIMIT - rng.randint(0, 30 * DAY) if not special.get("recent") else _LIMIT - 10 * DAY
    times = _change_times(rng, created + 3 * DAY, max(len(path) - 1, 0), limit)
    if special.get("recent"):
        times[-1] = _LIMIT - rng.randint(2 * DAY, 9 * DAY)
    first = times[0] if times else created + DAY
    if not unowned and (len(path) != 1 or rng.random() < 0.7):
        ack = created + rng.randint(3600, 2 * DAY)
        case.correspond(ack, rng.choice(_ACK).format(**facts))
        _email_record(case, ack + 2, ticket_id, case.owner, "Correspondence added")
        if rng.random() < 0.2:
            case.txns.append(_Txn(ack - 60, "Set", owner, "Owner", str(NOBODY[0]), str(STAFF[owner][0])))
    _workflow(case, rng, path, times, set(range(1, len(path))), follow_ups=True, close="rt_status" not in special)
    for after, text, ctype in special.get("replies", []):
        when = times[min(after, len(times)) - 1] if times else created
        case.correspond(min(when + rng.randint(DAY, 5 * DAY), _LIMIT), text, ctype)
    if name in _EXTRA_DISCIPLINE:
        extra = DISCIPLINES[_EXTRA_DISCIPLINE[name]]
        case.cfs[DISCIPLINE_CF].append(extra)
        case.set_cf(first + 3600, DISCIPLINE_CF, "", extra)
    if name in _COMMENTS:
        parts = (("text/plain", "", _COMMENTS[name]),)
        if name == "CLIMADAPT":
            parts = (("multipart/mixed", "", ""), *parts, ("text/csv", "capacity.csv", _CAPACITY_CSV))
        case.txns.append(_Txn(first + 7200, "Comment", owner, data="No Subject", parts=parts))
    if path and path[-1].is_active and case.rt_status == "open" and rng.random() < 0.4:
        case.correspond(_LIMIT - rng.randint(DAY, 12 * DAY), rng.choice(_PROGRESS).format(**facts))
    if "rt_status" in special and special["rt_status"] != case.rt_status:
        case.set_status(max(t.when for t in case.txns) + 3600, special["rt_status"])
    return _entry(case, ticket_id, txn_ids, att_ids, rng)


def _drawn_values(f: PublishedField, name: str) -> list[str]:
    """No value, or one or two of the field's examples, for the community ``name``: from a
    generator of their own, so the rest of the sample stays as it was without the field."""
    rng = random.Random(f"{SAMPLE_SEED} {f.name} {name}")
    return rng.sample(f.examples, min(len(f.examples), rng.choice((0, 1, 1, 2))))


def _contact(rng: random.Random, slug: str) -> str:
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    email = f"{first}.{last}@{slug}.example.org".lower()
    return f"{first} {last} <{email}>, {rng.choice(AFFILIATIONS)} ({rng.choice(ROLES)})"


def _email_record(case: _Case, when: int, ticket_id: int, who: str, what: str) -> None:
    text = _EMAIL_RECORD.format(when=_iso(when), id=ticket_id, who=who, what=what, queue=QUEUE,
                                subject=case.subject, requestors=", ".join(case.requestors), url=RT_WEB_URL)
    data = f"<rt-5.0.3-{ticket_id}-{when}@rt.example.org>"
    case.txns.append(_Txn(when, "EmailRecord", "RT_System", data=data, parts=(("text/plain", "", text),)))


# --- Benchmark queues ------------------------------------------------------------------------

_PLAIN_ROWS = [row for row in COMMUNITIES if row[0] not in _SPECIALS and row[2] and row[3]]
_DISCIPLINE_KEYS = sorted(DISCIPLINES)
_PREFIXES = ("Aqua", "Geo", "Bio", "Astro", "Neuro", "Clima", "Lingua", "Data", "Terra", "Eco", "Helio",
             "Myco", "Socio", "Hydro", "Nano", "Ορίζων", "Łączność")
_SUFFIXES = ("Net", "Lab", "Scope", "Link", "Grid", "Hub", "Watch", "Base", "Sense", "Flow")
_FINAL_WEIGHTS = {P_A: 10, A: 10, PREP: 11, TI: 11, PP: 9, PROD: 27, CLOSED: 11, CANC: 11}


def make_queue(n: int, seed: int = 0) -> dict[str, Any]:
    """A clean synthetic queue of ``n`` cases; the same (n, seed) give byte-identical JSON."""
    rng = random.Random(seed)
    finals = rng.choices(list(_FINAL_WEIGHTS), weights=list(_FINAL_WEIGHTS.values()), k=n)
    plan = sorted((_created(rng, final), final) for final in finals)
    txn_ids, att_ids = count(1), count(1)
    collecting = gc.isenabled()
    gc.disable()  # millions of acyclic dicts: the cycle collector only slows this down
    try:
        tickets = [_bench_entry(rng, created, final, i, txn_ids, att_ids)
                   for i, (created, final) in enumerate(plan, 1)]
    finally:
        if collecting:
            gc.enable()
    return _queue(tickets)


def _bench_entry(rng: random.Random, created: int, final: S, ticket_id: int, txn_ids: count, att_ids: count) -> dict:
    _, descriptor, disciplines, _, topic, goal, tool = rng.choice(_PLAIN_ROWS)
    name = f"{rng.choice(_PREFIXES)}{rng.choice(_SUFFIXES)}-{ticket_id}"
    owner = rng.choice(sorted(STAFF))
    facts = _facts(rng, name, topic, goal, tool, STAFF[owner][1])
    path = _path(rng, final)
    if len(path) > 3 and rng.random() < 0.05:
        path = path[:3] + [path[1]] + path[2:]  # a step back and forth: A, B, C, B, C, ...
    keys = disciplines.split() + rng.sample(_DISCIPLINE_KEYS, rng.choice((0, 0, 0, 1)))
    reaches_prep = any(_RANK[PREP] <= _RANK[s] <= _RANK[PROD] for s in path)
    case = _Case(f"{name} – {descriptor}", owner, created,
                 [f"contact-{ticket_id}@{_slug(name)}.example.org"], facts)
    case.cfs = {
        STATUS_CF: [path[-1].value],
        DISCIPLINE_CF: [DISCIPLINES[k] for k in dict.fromkeys(keys)] if rng.random() > 0.05 else [],
        VO_CF: [facts["vo"]] if reaches_prep else [],
        SITES_CF: facts["sites"] if reaches_prep else [],
        LINKS_CF: [f"https://docs.example.org/cases/{_slug(name)}/plan.pdf"] if reaches_prep else [],
    }
    case.txns.append(_Txn(created, "Create", case.requestors[0],
                          parts=(("text/plain", "", _description(rng, facts, rng.random() < 0.5, questions=8)),)))
    times = _change_times(rng, created + 3 * DAY, len(path) - 1, _LIMIT)
    # 1-3 replies in all: an acknowledgement, then replies before some of the changes
    case.correspond(created + rng.randint(3600, 2 * DAY), rng.choice(_ACK).format(**facts))
    replies = set(rng.sample(range(1, len(path)), min(len(path) - 1, rng.randint(0, 2))))
    _workflow(case, rng, path, times, replies, follow_ups=False)
    return _entry(case, ticket_id, txn_ids, att_ids, rng)


# --- Writing ---------------------------------------------------------------------------------


def dumps_queue(data: dict[str, Any], indent: int | None = 1) -> str:
    """The stable text of a raw queue: sorted keys, real Unicode, a final newline. ``indent=1``
    (one line a key) suits git; ``None`` is smaller and faster for benchmark queues."""
    return json.dumps(data, ensure_ascii=False, indent=indent, sort_keys=True) + "\n"


def write_queue(data: dict[str, Any], path: Path | str, indent: int | None = 1) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dumps_queue(data, indent), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m devtools.synthetic",
        description="Regenerate the bundled sample queue, or write a clean synthetic queue of N cases.")
    parser.add_argument("--cases", type=int, help="write a synthetic queue of this many cases (needs --out)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic queue (default 0)")
    parser.add_argument("--out", type=Path, help=f"output file (default for the sample: {SAMPLE_PATH})")
    args = parser.parse_args(argv)
    if args.cases is None:
        out = args.out or SAMPLE_PATH
        write_queue(make_sample(), out)
    elif args.out is None:
        parser.error("--cases needs --out (the bundled sample is only ever the sample)")
    else:
        out = args.out
        write_queue(make_queue(args.cases, args.seed), out, indent=None)
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
