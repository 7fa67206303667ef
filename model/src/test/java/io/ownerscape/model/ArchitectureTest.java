package io.ownerscape.model;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The model's shape (issue 18, docs/ARCHITECTURE.md): one package per submodel of MODEL.md, the
 * submodels reach the world through {@code world.World} and never through {@link Economy}, no class
 * of the model depends on one that depends on it, and every class and member MODEL.md names exists.
 */
class ArchitectureTest {
    private static final Path MODEL_MD = Path.of("..", "docs", "MODEL.md");
    private static JavaClasses model;

    @BeforeAll
    static void importModel() {
        model = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.ownerscape.model");
    }

    /** Each top-level class (with its nested classes) is a slice; no chain of them leads back. */
    @Test
    void noClassOfTheModelDependsOnOneThatDependsOnIt() {
        SliceAssignment byTopLevelClass = new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass c) {
                String name = c.getName();
                int nested = name.indexOf('$');
                return SliceIdentifier.of(nested < 0 ? name : name.substring(0, nested));
            }

            @Override
            public String getDescription() {
                return "the model's top-level classes";
            }
        };
        slices().assignedFrom(byTopLevelClass).should().beFreeOfCycles().check(model);
    }

    /**
     * The submodels see the world through {@code world.World}; only the observers of a finished
     * month ({@code metrics}) read the composition itself.
     */
    @Test
    void submodelsDoNotReachTheComposition() {
        noClasses().that().resideInAPackage("io.ownerscape.model.(*)..")
                .and().resideOutsideOfPackage("io.ownerscape.model.metrics..")
                .should().dependOnClassesThat().belongToAnyOf(Economy.class)
                .check(model);
    }

    /** The submodel packages MODEL.md's table lists are the model's packages, no more, no fewer. */
    @Test
    void everyPackageIsASubmodelOfMODELmd() throws IOException {
        List<String[]> rows = submodelTable();
        java.util.Set<String> documented = new java.util.TreeSet<>();
        for (String[] row : rows) {
            for (String p : row[2].split(",")) {
                documented.add(p.replace("`", "").replace("(root)", "").trim());
            }
        }
        documented.remove("");
        documented.remove("engine");
        java.util.Set<String> actual = new java.util.TreeSet<>();
        for (JavaClass c : model) {
            String p = c.getPackageName();
            if (p.startsWith("io.ownerscape.model.")) {
                actual.add(p.substring("io.ownerscape.model.".length()));
            }
        }
        assertEquals(actual, documented, "the packages of io.ownerscape.model against MODEL.md §7's table");
    }

    /** Every class MODEL.md's table puts in a package is there (a nested one inside a class of its row). */
    @Test
    void everyClassOfTheTableIsInItsPackage() throws IOException {
        int checked = 0;
        for (String[] row : submodelTable()) {
            String[] packages = row[2].replace("`", "").split(",");
            List<Class<?>> found = new ArrayList<>();
            List<String> nested = new ArrayList<>();
            Matcher m = Pattern.compile("`((?:[a-z]+\\.)?[A-Z]\\w*)`").matcher(row[3]);
            while (m.find()) {
                Class<?> c = null;
                for (String p : packages) {
                    String pkg = p.replace("(root)", "").trim();
                    String name = m.group(1).contains(".") || pkg.isEmpty() ? m.group(1) : pkg + "." + m.group(1);
                    c = c != null ? c : name.startsWith("engine.") ? load("io.ownerscape." + name)
                            : load("io.ownerscape.model." + name);
                }
                if (c == null) {
                    nested.add(m.group(1));
                } else {
                    found.add(c);
                }
                checked++;
            }
            for (String name : nested) {
                assertTrue(found.stream().anyMatch(c -> hasMember(c, name)),
                        "MODEL.md §7 table: no class " + name + " in " + Arrays.toString(packages));
            }
        }
        assertTrue(checked > 30, "classes checked: " + checked);
    }

    /**
     * Every {@code package.Class} or {@code package.Class.member} that MODEL.md names in code
     * quotes exists (relative to {@code io.ownerscape.model}; {@code engine.} names the engine).
     */
    @Test
    void everyClassAndMemberMODELmdNamesExists() throws IOException {
        String text = Files.readString(MODEL_MD);
        Matcher m = Pattern.compile("`([a-z]+)\\.([A-Z]\\w*)(?:\\.(\\w+))?(?:\\(\\))?`").matcher(text);
        int checked = 0;
        while (m.find()) {
            String pkg = m.group(1);
            String type = pkg.equals("engine") ? "io.ownerscape.engine." + m.group(2)
                    : "io.ownerscape.model." + pkg + "." + m.group(2);
            Class<?> c = load(type);
            if (c == null && !isSubmodelPackage(pkg)) {
                continue; // a file name such as `summary.json` or a key such as `state.platform`
            }
            assertTrue(c != null, "MODEL.md names " + m.group() + ": no class " + type);
            if (m.group(3) != null) {
                assertTrue(hasMember(c, m.group(3)), "MODEL.md names " + m.group() + ": no member " + m.group(3));
            }
            checked++;
        }
        assertTrue(checked > 30, "names checked: " + checked);
    }

    private static boolean isSubmodelPackage(String pkg) {
        return pkg.equals("engine") || model.stream().anyMatch(c -> c.getPackageName().equals("io.ownerscape.model." + pkg));
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ArchitectureTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static boolean hasMember(Class<?> c, String name) {
        return Arrays.stream(c.getDeclaredMethods()).anyMatch(x -> x.getName().equals(name))
                || Arrays.stream(c.getDeclaredFields()).anyMatch(x -> x.getName().equals(name))
                || Arrays.stream(c.getDeclaredClasses()).anyMatch(x -> x.getSimpleName().equals(name));
    }

    /** The rows of the table at the head of MODEL.md §7: section, submodel, packages, classes. */
    private static List<String[]> submodelTable() throws IOException {
        String text = Files.readString(MODEL_MD);
        int start = text.indexOf("## 7. Submodels");
        int end = text.indexOf("### 7.1", start);
        List<String[]> rows = new ArrayList<>();
        for (String line : text.substring(start, end).split("\n")) {
            if (line.startsWith("| ") && !line.startsWith("| section") && !line.startsWith("|---")) {
                String[] cells = line.substring(2, line.length() - 2).split(" \\| ");
                assertEquals(4, cells.length, line);
                rows.add(cells);
            }
        }
        assertTrue(rows.size() >= 12, "rows: " + rows.size());
        return rows;
    }
}
