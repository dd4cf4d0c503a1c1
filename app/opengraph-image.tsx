import { brand } from "@/brand.config";
import { landingImage, socialImageSize } from "@/components/shell/link-preview";
import { socialImage } from "./(marketing)/_components/social-image";

// Built once at build time: nothing here reads the request.
export const alt = landingImage.alt;
export const size = socialImageSize;
export const contentType = "image/png";

export default function LandingImage() {
  return socialImage({
    title: brand.tagline,
    lead: brand.description,
  });
}
