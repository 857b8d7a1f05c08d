import type { Route } from '../../http/route';
import { listAuditEventsRoute } from './audit/list-audit-events.route';
import { logInRoute } from './auth/log-in.route';
import { logOutRoute } from './auth/log-out.route';
import { refreshRoute } from './auth/refresh.route';
import { signUpRoute } from './auth/sign-up.route';
import { getOpenApiRoute } from './openapi/get-openapi.route';
import { getProvidersRoute } from './settings/get-providers.route';
import { createPatientRoute } from './patients/create-patient.route';
import { deletePatientRoute } from './patients/delete-patient.route';
import { getPatientRoute } from './patients/get-patient.route';
import { listPatientsRoute } from './patients/list-patients.route';
import { updatePatientRoute } from './patients/update-patient.route';
import { createUserRoute } from './users/create-user.route';
import { getMeRoute } from './users/get-me.route';
import { listUsersRoute } from './users/list-users.route';
import { updateUserRoute } from './users/update-user.route';
import { completeRecordingRoute } from './encounters/complete-recording.route';
import { createEncounterRoute } from './encounters/create-encounter.route';
import { getEncounterRoute } from './encounters/get-encounter.route';
import { listPatientEncountersRoute } from './encounters/list-patient-encounters.route';
import { listClinicEncountersRoute } from './encounters/list-clinic-encounters.route';
import { uploadChunkRoute } from './encounters/upload-chunk.route';
import { recordConsentRoute } from './encounters/record-consent.route';
import { uploadRecordingRoute } from './encounters/upload-recording.route';
import { getRecordingAudioRoute } from './encounters/get-recording-audio.route';
import { getChunkAudioRoute } from './encounters/get-chunk-audio.route';
import { getTranscriptRoute } from './encounters/get-transcript.route';
import { retryEncounterRoute } from './encounters/retry-encounter.route';
import { getDocumentContentRoute } from './documents/get-document-content.route';
import { listPatientDocumentsRoute } from './documents/list-patient-documents.route';
import { uploadDocumentRoute } from './documents/upload-document.route';
import { downloadFileRoute } from './files/download-file.route';
import { createPatientExportRoute } from './exports/create-patient-export.route';
import { downloadPatientExportRoute } from './exports/download-patient-export.route';
import { getCompositionRoute } from './fhir/get-composition.route';
import { getPatientEverythingRoute } from './fhir/get-patient-everything.route';
import { streamEncounterEventsRoute } from './encounters/stream-encounter-events.route';
import { addAddendumRoute } from './notes/add-addendum.route';
import { getNoteRoute } from './notes/get-note.route';
import { getNotePdfRoute } from './notes/get-note-pdf.route';
import { regenerateNoteRoute } from './notes/regenerate-note.route';
import { signNoteRoute } from './notes/sign-note.route';
import { updateNoteRoute } from './notes/update-note.route';
import { archiveTemplateRoute } from './templates/archive-template.route';
import { createTemplateRoute } from './templates/create-template.route';
import { deleteTemplateRoute } from './templates/delete-template.route';
import { getTemplateRoute } from './templates/get-template.route';
import { listTemplatesRoute } from './templates/list-templates.route';
import { restoreTemplateRoute } from './templates/restore-template.route';
import { updateTemplateRoute } from './templates/update-template.route';

/** Every /api/v1 endpoint. The router, the OpenAPI document and its coverage test all read this list. */
export const apiRoutes = [
  signUpRoute,
  logInRoute,
  refreshRoute,
  logOutRoute,
  getMeRoute,
  createUserRoute,
  listUsersRoute,
  updateUserRoute,
  createPatientRoute,
  listPatientsRoute,
  getPatientRoute,
  updatePatientRoute,
  deletePatientRoute,
  createEncounterRoute,
  getEncounterRoute,
  listPatientEncountersRoute,
  listClinicEncountersRoute,
  recordConsentRoute,
  uploadRecordingRoute,
  uploadChunkRoute,
  completeRecordingRoute,
  getRecordingAudioRoute,
  getChunkAudioRoute,
  getTranscriptRoute,
  retryEncounterRoute,
  streamEncounterEventsRoute,
  getNoteRoute,
  updateNoteRoute,
  regenerateNoteRoute,
  signNoteRoute,
  addAddendumRoute,
  getNotePdfRoute,
  listTemplatesRoute,
  getTemplateRoute,
  createTemplateRoute,
  updateTemplateRoute,
  deleteTemplateRoute,
  archiveTemplateRoute,
  restoreTemplateRoute,
  uploadDocumentRoute,
  listPatientDocumentsRoute,
  getDocumentContentRoute,
  downloadFileRoute,
  getPatientEverythingRoute,
  getCompositionRoute,
  createPatientExportRoute,
  downloadPatientExportRoute,
  listAuditEventsRoute,
  getProvidersRoute,
  getOpenApiRoute,
] as unknown as readonly Route<never, never, never>[];
