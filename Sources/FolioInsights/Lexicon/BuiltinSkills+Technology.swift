extension BuiltinSkills {
    /// Software, data, infrastructure, security and design. One skill a line:
    /// `Name | aliases | exact-case aliases`, under `## category` headings.
    static let technology = """
    ## programming
    JavaScript | JS, ECMAScript, ES6, ES2015, vanilla JS
    TypeScript | | TS
    Python | Python3, Python 3
    Java | J2EE, Java EE, JDK
    Kotlin
    Swift | Swift 5, SwiftLang | Swift
    Objective-C | ObjC, Obj-C
    C | | C
    C++ | cpp, C plus plus
    C# | csharp, C sharp
    Go | Golang | Go
    Rust | | Rust
    Ruby
    PHP
    Scala
    Elixir
    Erlang
    Haskell
    Clojure
    F# | fsharp
    Perl
    R | R language, RStudio | R
    MATLAB
    Julia | | Julia
    Dart
    Lua
    Bash | shell scripting, shell script, sh scripting
    PowerShell
    Visual Basic | VB.NET, VBA
    COBOL
    Fortran
    Assembly | assembly language, x86 assembly
    Solidity
    SQL | structured query language
    HTML | HTML5
    CSS | CSS3
    Sass | SCSS
    Tailwind CSS | Tailwind
    React | React.js, ReactJS
    React Native
    Angular | AngularJS, Angular.js
    Vue.js | Vue, VueJS
    Svelte | SvelteKit
    Next.js | NextJS
    Node.js | Node, NodeJS
    Express.js | ExpressJS
    Deno
    jQuery
    Redux
    GraphQL
    REST | RESTful, REST API, RESTful API, REST APIs
    gRPC
    Django
    Flask
    FastAPI
    Ruby on Rails | Rails, RoR
    Spring | Spring Boot, Spring Framework
    .NET | dotnet, .NET Core, ASP.NET, ASP.NET Core
    Laravel
    Symfony
    SwiftUI
    UIKit
    iOS | iOS development
    Android | Android development, Android SDK
    Flutter
    Xamarin
    Unity | Unity3D | Unity
    Unreal Engine | Unreal, UE4, UE5
    WebAssembly | Wasm
    WebSockets | WebSocket
    Microservices | microservice, microservice architecture
    Object-oriented programming | OOP, object oriented design, OOD
    Functional programming | FP
    Data structures | data structures and algorithms
    Algorithms | algorithm design
    Distributed systems | distributed computing
    System design | systems design
    Concurrency | multithreading, multi-threading, parallel programming
    Test-driven development | TDD
    Unit testing | unit tests, unit test
    Integration testing | integration tests
    End-to-end testing | E2E testing, e2e tests
    Jest
    Mocha
    Cypress
    Selenium
    Playwright
    JUnit
    pytest
    Webpack
    Vite
    Babel
    npm | yarn, pnpm
    Git | GitHub, GitLab, Bitbucket, version control
    API design | API development, APIs, API
    Embedded systems | embedded, firmware, embedded C
    Linux | Unix, Ubuntu, Debian, RHEL, Red Hat Enterprise Linux
    Code review | code reviews
    Agile | Agile methodology, agile methodologies
    Scrum | Scrum master
    Kanban
    Jira
    Confluence

    ## data
    PostgreSQL | Postgres, psql, PostGIS
    MySQL | MariaDB
    SQLite
    Oracle Database | Oracle DB, Oracle SQL, PL/SQL
    Microsoft SQL Server | SQL Server, MSSQL, T-SQL
    MongoDB | Mongo
    Redis
    Cassandra | Apache Cassandra
    DynamoDB
    Elasticsearch | Elastic, OpenSearch, ELK
    Snowflake
    BigQuery | Google BigQuery
    Redshift | Amazon Redshift
    Databricks
    Apache Spark | Spark, PySpark
    Hadoop | HDFS, MapReduce
    Apache Kafka | Kafka
    Apache Airflow | Airflow
    dbt | data build tool
    ETL | ELT, data pipelines, data pipeline
    Data warehousing | data warehouse
    Data modeling | data modelling, dimensional modeling
    Data analysis | data analytics, analyzing data
    Data visualization | data visualisation, dashboards, dashboarding
    Tableau
    Power BI | PowerBI
    Looker
    Excel | Microsoft Excel, MS Excel, spreadsheets, spreadsheet | Excel
    Google Sheets
    Pandas
    NumPy
    SciPy
    scikit-learn | sklearn, scikit learn
    TensorFlow
    PyTorch
    Keras
    Machine learning | | ML
    Deep learning | neural networks, neural network
    Natural language processing | NLP
    Computer vision
    Large language models | LLM, LLMs, generative AI, GenAI
    Artificial intelligence | AI
    Statistics | statistical analysis, statistical modeling, statistical modelling
    A/B testing | AB testing, split testing, experimentation
    Regression analysis | linear regression, logistic regression
    Forecasting | demand forecasting
    SAS | | SAS
    SPSS
    Stata
    Jupyter | Jupyter notebooks
    Data engineering
    Data science
    Business intelligence | BI
    Big data
    Data governance
    Data quality

    ## infrastructure
    Amazon Web Services | AWS, Amazon AWS
    Microsoft Azure | Azure
    Google Cloud Platform | GCP, Google Cloud
    Kubernetes | k8s, kube, EKS, GKE, AKS
    Docker | containers, containerization, Docker Compose
    Helm
    Terraform | HCL
    Ansible
    Puppet | | Puppet
    Chef | | Chef
    Jenkins
    GitHub Actions
    GitLab CI
    CircleCI
    CI/CD | continuous integration, continuous delivery, continuous deployment
    DevOps
    Site reliability engineering | SRE
    Infrastructure as code | IaC
    Prometheus
    Grafana
    Datadog
    Splunk
    New Relic
    Observability | application monitoring, monitoring and alerting
    Nginx
    Apache HTTP Server | Apache httpd
    Serverless | AWS Lambda, Lambda, Cloud Functions
    Networking | TCP/IP, DNS, HTTP, load balancing
    SaaS | software as a service
    Cloud computing | cloud infrastructure, cloud platforms, cloud services
    Virtualization | VMware, Hyper-V
    Windows Server | Active Directory
    Incident management | incident response, on-call
    Performance tuning | performance optimization, profiling

    ## security
    Cybersecurity | information security, infosec, cyber security
    Penetration testing | pentesting, pen testing, ethical hacking
    OWASP
    Identity and access management | IAM
    OAuth | OAuth2, OAuth 2.0, OpenID Connect, OIDC
    Encryption | cryptography, TLS, SSL
    SIEM
    SOC 2 | SOC2
    ISO 27001
    Vulnerability management | vulnerability assessment
    Threat modeling | threat modelling
    Network security | firewalls, firewall

    ## design
    Figma
    Sketch | | Sketch
    Adobe XD
    Adobe Photoshop | Photoshop
    Adobe Illustrator | Illustrator
    Adobe InDesign | InDesign
    Adobe After Effects | After Effects
    Adobe Premiere Pro | Premiere Pro, Premiere
    Adobe Creative Suite | Creative Cloud, Adobe CC
    Canva
    User experience design | UX, UX design, user experience
    User interface design | UI, UI design, UI/UX, UX/UI
    User research | usability testing, user testing, user interviews
    Wireframing | wireframes, wireframe
    Prototyping | prototypes, prototype
    Interaction design | IxD
    Visual design
    Graphic design
    Design systems | design system, component library
    Accessibility | a11y, WCAG, WAI-ARIA, ARIA
    Responsive design | responsive web design, mobile-first
    Typography
    Information architecture
    Motion design | motion graphics, animation
    3D modeling | 3D modelling, Blender, Maya, Cinema 4D
    AutoCAD | CAD
    SolidWorks
    Revit
    Branding | brand identity, brand design
    Illustration
    Photography
    Video editing | Final Cut Pro, DaVinci Resolve
    Copywriting | copy writing
    Technical writing | technical documentation
    Content strategy
    Product management | product manager, product owner, product roadmap, roadmapping
    Product design
    Project management | project manager, project planning, PMP
    Program management | program manager
    Stakeholder management | stakeholder communication, stakeholders
    Requirements gathering | requirements analysis, business requirements
    Business analysis | business analyst
    """
}
