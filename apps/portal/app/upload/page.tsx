// Upload page for site investigators: pick (or drop) a dataset folder, watch each file and the whole
// upload progress, then the validation report. Sites offered are the user's own; the API decides.
import { graphql } from "@/gql";
import { apiQuery } from "@/lib/api";
import { UploadForm } from "@/components/upload-form";

const UploadChoices = graphql(`
  query PortalUploadChoices {
    me { sites { site { id code name } } }
    studies { id title modality }
  }
`);

export const metadata = { title: "Upload a validation set · FracVal" };

export default async function UploadPage() {
  const data = await apiQuery(UploadChoices);
  return (
    <section>
      <h1 className="mb-1 text-2xl font-semibold">Upload a validation dataset</h1>
      <p className="mb-4 text-sm text-slate-600">
        A folder with <code>manifest.csv</code> and the images it references (see{" "}
        <a className="text-indigo-700 underline" href="/upload/format">
          the upload format
        </a>
        ). Files are sent resumably and checked on arrival; patients are pseudonymised and images de-identified before
        anything is stored. A dataset with any problem is rejected as a whole and nothing of it is kept.
      </p>
      <UploadForm sites={data.me.sites.map((s) => s.site)} studies={data.studies} />
    </section>
  );
}
