import FolioSite
