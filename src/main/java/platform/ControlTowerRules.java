package platform;

/** The rules of {@code compliance.controlTower}: each control excepted once, with a reason that says something; each family once. */
final class ControlTowerRules extends SectionRules {

    ControlTowerRules(Platform platform, Problems problems) {
        super(platform, problems);
    }

    @Override
    void check() {
        ControlTower controlTower = platform.compliance().controlTower();
        String path = "compliance.controlTower";
        java.util.Set<String> families = new java.util.HashSet<>();
        for (int i = 0; i < controlTower.families().size(); i++) {
            if (!families.add(controlTower.families().get(i))) {
                problems.add(path + ".families[" + i + "]", "family " + controlTower.families().get(i) + " is listed twice",
                        "remove the second entry");
            }
        }
        java.util.Set<String> excepted = new java.util.HashSet<>();
        for (int i = 0; i < controlTower.exceptions().size(); i++) {
            ControlTowerException exception = controlTower.exceptions().get(i);
            String at = path + ".exceptions[" + i + "]";
            if (exception.control() != null && !excepted.add(exception.control())) {
                problems.add(at + ".control", "control " + exception.control() + " is excepted twice",
                        "keep one exception with one reason");
            }
            if (exception.reason() != null && exception.reason().isBlank()) {
                problems.add(at + ".reason", "the exception of " + exception.control() + " has a blank reason",
                        "say why the control cannot hold for this platform; the compliance report prints it");
            }
        }
    }
}
