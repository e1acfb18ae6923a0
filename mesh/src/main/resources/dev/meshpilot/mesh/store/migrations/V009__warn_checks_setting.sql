-- Whether a failed quality assertion of severity warn/warning/info opens an incident (meshpilot.yaml
-- incidents.openOnWarnChecks; default no: the result is stored, nobody is paged).
ALTER TABLE mesh_info ADD COLUMN open_on_warn_checks INTEGER NOT NULL DEFAULT 0;
