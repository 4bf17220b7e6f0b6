// Loads one ontology document with the OWL API and reports what a DL tool would choke on.
//
// Why: rdflib accepts any triples; Protege and reasoners go through the OWL API, which
// silently drops triples it cannot map to axioms ("unparsed triples") and guesses the type
// of undeclared terms. Both hide modelling mistakes, so tests/test_ontology.py fails on them,
// and on every OWL 2 DL profile violation (punning of property kinds, undeclared entities...).
//
// Usage: java -cp <owlapi jars>:<dir> CheckOntology FILE...
// For each file prints "FILE <path>", one line per problem ("UNPARSED ...", "GUESSED ...",
// "VIOLATION ...") and "SUMMARY axioms=N unparsed=N guessed=N violations=N"; exits 0 only
// when every count is zero for every file. Several files per run: the JVM starts once.

import java.io.File;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.io.FileDocumentSource;
import org.semanticweb.owlapi.io.OWLOntologyLoaderMetaData;
import org.semanticweb.owlapi.io.RDFParserMetaData;
import org.semanticweb.owlapi.io.RDFTriple;
import org.semanticweb.owlapi.model.IRI;
import org.semanticweb.owlapi.model.MissingImportHandlingStrategy;
import org.semanticweb.owlapi.model.OWLDocumentFormat;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyLoaderConfiguration;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileReport;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;

public class CheckOntology {
    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: CheckOntology FILE...");
            System.exit(2);
        }
        int problems = 0;
        for (String path : args) {
            System.out.println("FILE " + path);
            problems += check(path);
        }
        System.exit(problems == 0 ? 0 : 1);
    }

    private static int check(String path) throws Exception {
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        OWLOntologyLoaderConfiguration config = new OWLOntologyLoaderConfiguration()
                .setMissingImportHandlingStrategy(MissingImportHandlingStrategy.SILENT)
                .setReportStackTraces(false);
        OWLOntology ontology = manager.loadOntologyFromOntologyDocument(
                new FileDocumentSource(new File(path)), config);

        int unparsed = 0;
        int guessed = 0;
        OWLDocumentFormat format = manager.getOntologyFormat(ontology);
        Optional<OWLOntologyLoaderMetaData> meta =
                format == null ? Optional.empty() : format.getOntologyLoaderMetaData();
        if (meta.isPresent() && meta.get() instanceof RDFParserMetaData) {
            RDFParserMetaData rdf = (RDFParserMetaData) meta.get();
            for (RDFTriple triple : (Iterable<RDFTriple>) rdf.getUnparsedTriples()::iterator) {
                System.out.println("UNPARSED " + triple);
                unparsed++;
            }
            for (Map.Entry<IRI, Collection<Class<?>>> e : rdf.getGuessedDeclarations().asMap().entrySet()) {
                for (Class<?> kind : e.getValue()) {
                    System.out.println("GUESSED " + e.getKey() + " as " + kind.getSimpleName());
                    guessed++;
                }
            }
        }

        OWLProfileReport report = new OWL2DLProfile().checkOntology(ontology);
        int violations = 0;
        for (OWLProfileViolation v : report.getViolations()) {
            System.out.println("VIOLATION " + v.getClass().getSimpleName() + ": " + v);
            violations++;
        }
        System.out.println("SUMMARY axioms=" + ontology.getAxiomCount() + " unparsed=" + unparsed
                + " guessed=" + guessed + " violations=" + violations);
        return unparsed + guessed + violations;
    }
}
