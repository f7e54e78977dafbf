"""What registries read: the catalogue in the formats of the national and European registries.

    ooapi.py    Open Education API v5 resources (service, organization, courses, offerings,
                education specifications), the files SURFeduhub's RIO mapper and eduXchange read
    elm.py      one European Learning Model (ELM 3) LearningOpportunity per course version (JSON-LD)
    qdr.py      the Europass Qualification Dataset Register upload (loq.xml) for the whole catalogue
    common.py   what the three share: languages and countries as codes, the texts per language,
                which courses are on offer, and a course's versions on a timeline
    validate.py the build's check of the files it writes, each problem naming the course file and field

Every function here is pure: models in, documents (dicts) or bytes out. Where each file goes is
decided in routes, which files are published in site/outputs.py, and build/site_files.py makes them.
"""
