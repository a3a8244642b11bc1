extension BuiltinSkills {
    /// Healthcare, finance, sales and marketing, education, people, operations, legal,
    /// trades and the skills every field asks for. Same format as `technology`.
    static let professions = """
    ## healthcare
    Patient care | direct patient care, bedside care
    Patient assessment | patient assessments, clinical assessment, nursing assessment, health assessment
    Registered nurse | RN, registered nursing
    Licensed practical nurse | LPN, LVN
    Nursing | nurse, nurses
    Nurse practitioner | NP, APRN
    Basic life support | BLS, CPR
    Advanced cardiac life support | ACLS
    Pediatric advanced life support | PALS
    Medication administration | administering medications, medication management, med pass
    Electronic health records | EHR, EMR, electronic medical records, Cerner, Meditech | Epic
    Clinical documentation | charting, nursing documentation
    Triage
    Wound care | wound management
    IV therapy | IV insertion, intravenous therapy, IV
    Phlebotomy | venipuncture, blood draws
    Vital signs | vitals
    Infection control | infection prevention
    Care planning | care plans, care plan, nursing care plans
    Patient education | health education, patient teaching
    Critical care | ICU, intensive care
    Emergency nursing | emergency department, ED, ER, emergency room
    Medical-surgical nursing | med-surg, med surg, medical surgical
    Pediatrics | pediatric, paediatrics
    Geriatrics | geriatric care, elder care, gerontology
    Oncology
    Cardiology | telemetry, cardiac care
    Labor and delivery | L&D, obstetrics
    Mental health | behavioral health, psychiatric nursing
    Pharmacology | pharmacy
    Anatomy and physiology | anatomy, physiology
    HIPAA | patient confidentiality, patient privacy
    Medical terminology
    Medical coding | ICD-10, CPT coding, medical billing
    Clinical research | clinical trials, GCP compliance
    Physical therapy | physiotherapy, rehabilitation
    Occupational therapy
    Radiology | imaging, X-ray, MRI, CT scan
    Laboratory testing | lab testing, specimen collection
    Case management | care coordination, discharge planning
    Public health | epidemiology
    Telehealth | telemedicine
    Joint Commission | JCAHO

    ## finance
    Financial analysis | financial analyst
    Financial modeling | financial modelling, financial models, DCF, discounted cash flow
    Financial reporting | financial statements, financial statement analysis
    Accounting | accountancy, bookkeeping
    GAAP | US GAAP
    IFRS
    Accounts payable | AP
    Accounts receivable | AR
    General ledger | GL
    Reconciliation | reconciliations, account reconciliation, bank reconciliation
    Month-end close | month end close, financial close, year-end close
    Budgeting | budget management, budget planning
    Forecasting and planning | FP&A, financial planning and analysis, financial planning
    Variance analysis
    Audit | auditing, internal audit, external audit
    Tax | taxation, tax preparation, tax compliance
    Payroll
    Valuation | valuations
    Mergers and acquisitions | M&A
    Investment banking
    Equity research
    Portfolio management | asset management
    Risk management | risk assessment, risk analysis
    Credit analysis | credit risk, underwriting
    Compliance | regulatory compliance
    Anti-money laundering | AML, KYC, know your customer
    Sarbanes-Oxley | SOX
    Treasury | cash management
    Cost accounting | cost analysis
    QuickBooks
    SAP | SAP FICO, SAP ERP | SAP
    Oracle Financials | Oracle EBS, NetSuite
    Bloomberg Terminal | Bloomberg
    CPA | certified public accountant
    CFA | chartered financial analyst
    ERP | enterprise resource planning

    ## sales and marketing
    Sales | selling, sales experience
    B2B sales | B2B, business-to-business
    B2C sales | B2C
    SaaS sales | SaaS account executive, selling SaaS
    Account management | account manager, key accounts, key account management
    Business development | biz dev, BD
    Lead generation | lead gen, prospecting
    Cold calling | cold calls, outbound calls
    Negotiation | negotiating, negotiations
    Closing deals | deal closing, close deals, closing sales
    Quota attainment | quota, sales quota, exceeded quota
    Pipeline management | sales pipeline, pipeline generation, managing pipeline
    Salesforce | SFDC, Salesforce CRM
    HubSpot
    CRM | customer relationship management
    Customer success | customer retention, churn reduction
    Customer service | customer support, client service
    Consultative selling | solution selling, solutions selling, SPIN selling, MEDDIC
    Territory management | territory planning
    Sales forecasting
    Upselling | cross-selling, upsell, cross-sell
    Relationship building | building relationships, client relationships
    Presentation skills | presentations, presenting, public speaking
    Digital marketing | online marketing
    Search engine optimization | SEO
    Search engine marketing | SEM, PPC, pay-per-click, Google Ads, AdWords
    Social media marketing | social media, SMM
    Content marketing
    Email marketing | Mailchimp, marketing automation, Marketo
    Marketing analytics | Google Analytics, GA4
    Brand management | brand strategy
    Market research | competitive analysis, market analysis
    Public relations | PR, media relations
    Event planning | event management, event coordination
    Growth marketing | growth hacking
    Product marketing | go-to-market, GTM
    Retail | retail sales, merchandising
    E-commerce | ecommerce, Shopify

    ## education
    Teaching | teacher, classroom teaching, classroom instruction
    Lesson planning | lesson plans, lesson plan
    Curriculum development | curriculum design, curriculum, curricula
    Classroom management | behavior management, behaviour management
    Differentiated instruction | differentiation, differentiated learning
    Student assessment | formative assessment, summative assessment, grading, assessments
    Special education | SPED, special needs, IEP, IEPs, individualized education program
    Early childhood education | early childhood, preschool, pre-K, kindergarten
    Elementary education | primary education, elementary school, primary school
    Secondary education | high school, middle school, secondary school
    Higher education | university teaching, college teaching, lecturing
    English as a second language | ESL, ESOL, EFL, TESOL, TEFL, English language learners, ELL
    STEM education | STEM
    Literacy | reading instruction, phonics, guided reading
    Mathematics | math, maths, algebra, geometry, calculus
    Science education | biology, chemistry, physics
    Educational technology | edtech, Google Classroom, Canvas LMS, Blackboard, Moodle
    Learning management systems | LMS
    Instructional design | e-learning, elearning, Articulate Storyline, ADDIE
    Tutoring | tutor, mentoring students
    Parent communication | parent-teacher conferences, family engagement
    Teaching certification | teaching license, teaching credential, state certification, QTS, PGCE
    Common Core | state standards
    Student engagement
    Training and development | corporate training, training delivery, facilitation
    Coaching | coach, mentoring, mentorship

    ## people and operations
    Recruiting | recruitment, talent acquisition, sourcing, full-cycle recruiting
    Onboarding | employee onboarding
    Human resources | HR, HRIS, human resource management
    Employee relations
    Performance management | performance reviews
    Compensation and benefits | compensation, benefits administration
    Workday
    Operations management | business operations, operations manager
    Supply chain management | supply chain, procurement, sourcing strategy, purchasing
    Logistics | shipping, distribution, freight
    Inventory management | inventory control, stock control
    Warehouse management | warehousing, WMS
    Lean | lean manufacturing, Kaizen, 5S
    Six Sigma | Lean Six Sigma, DMAIC
    Quality assurance | QA, quality control, QC, software testing
    Process improvement | continuous improvement, process optimization
    Vendor management | supplier management, vendor relations
    Contract management | contracts, contract negotiation
    Facilities management
    Health and safety | OSHA, workplace safety, EHS
    Manufacturing | production line, production planning
    Customer experience | CX
    Change management
    Strategic planning | business strategy, strategic plans
    Leadership | team leadership, leading teams, people management, team management, managing teams
    Cross-functional collaboration | cross-functional teams, cross functional
    Communication | communication skills, written communication, verbal communication
    Problem solving | problem-solving, troubleshooting
    Critical thinking
    Time management | prioritization, organizational skills, organisational skills
    Attention to detail | detail-oriented, detail oriented
    Teamwork | team player
    Microsoft Office | MS Office, Office 365, Microsoft 365, Microsoft Word, PowerPoint, Outlook | Word
    Google Workspace | G Suite
    Data entry
    Scheduling | calendar management
    Bilingual | multilingual, Spanish, French, German, Mandarin

    ## legal
    Contract law | contract drafting, contract review
    Litigation
    Legal research | Westlaw, LexisNexis
    Corporate law
    Intellectual property | IP law, patents, trademarks
    GDPR | data protection, privacy law
    Paralegal
    Due diligence
    """
}
