import { dropE2eDatabase } from './database';

export default dropE2eDatabase;
